import type {
  V1Department,
  V1DepartmentList,
  V1DepartmentTree,
  V1Job,
  V1JobWithContent,
  V1Office,
} from '../../contracts/boards.js';
import { questionsFor } from '../../core/boards/boards.rules.js';
import type { BoardRow, LivePost, Places } from '../../db/boards/boards.queries.js';
import { escapeHtml, jobSummary, postingHtml } from './postings.js';

// The /v1 answers in Greenhouse's shapes, typed by the contract so a change to either shows.

export const presentBoard = (board: BoardRow) => ({
  name: board.name,
  content: board.intro ? `<p>${escapeHtml(board.intro)}</p>` : '',
});

const listPlace = { parent_id: null, child_ids: [] };

export function withContent(
  board: BoardRow,
  post: LivePost,
  { teams, offices }: Places,
  publicUrl: string,
): V1JobWithContent {
  const team = teams.find((t) => t.id === post.team_id)!;
  return {
    ...jobSummary(board, post, publicUrl),
    // Entity-encoded HTML, as the real service sends it.
    content: escapeHtml(postingHtml(post)),
    departments: [{ id: team.public_id, name: team.name, ...listPlace }],
    offices: offices
      .filter((o) => post.office_ids.includes(o.id))
      .map((o) => ({ id: o.public_id, name: o.name, location: o.location, ...listPlace })),
  };
}

/** One job; `questions` adds the application form and its data-compliance terms, `pay` the pay range. */
export function presentJob(
  board: BoardRow,
  post: LivePost,
  places: Places,
  publicUrl: string,
  add: { questions: boolean; pay: boolean },
): V1Job {
  const band = post.compensation_band;
  const gdpr = board.gdpr_retention_days !== null;
  return {
    ...withContent(board, post, places, publicUrl),
    ...(add.questions
      ? {
          questions: questionsFor(post.posting),
          data_compliance: [
            {
              type: 'gdpr' as const,
              requires_consent: gdpr,
              requires_processing_consent: gdpr,
              requires_retention_consent: false,
              retention_period: board.gdpr_retention_days,
            },
          ],
        }
      : {}),
    ...(add.pay
      ? {
          pay_input_ranges: band
            ? [
                {
                  min_cents: band.baseMinCents,
                  max_cents: band.baseMaxCents,
                  currency_type: band.currency,
                  title: `${post.locations.join('; ')} base salary range`,
                  blurb:
                    'The base salary range for this role; the offer depends on level, skills and location.',
                },
              ]
            : [],
        }
      : {}),
  };
}

type Teams = Places['teams'];

/** Every department (team) with its jobs among `posts`; teams have no hierarchy, so each is a root. */
export function presentDepartments(
  board: BoardRow,
  posts: LivePost[],
  teams: Teams,
  publicUrl: string,
  tree: boolean,
): V1Department[] {
  return tree
    ? departmentTree(board, posts, teams, publicUrl)
    : departmentList(board, posts, teams, publicUrl);
}

const jobsOf = (board: BoardRow, posts: LivePost[], teamId: string, publicUrl: string) =>
  posts.filter((p) => p.team_id === teamId).map((p) => jobSummary(board, p, publicUrl));

const departmentList = (
  board: BoardRow,
  posts: LivePost[],
  teams: Teams,
  publicUrl: string,
): V1DepartmentList[] =>
  teams.map((team) => ({
    id: team.public_id,
    name: team.name,
    ...listPlace,
    jobs: jobsOf(board, posts, team.id, publicUrl),
  }));

const departmentTree = (
  board: BoardRow,
  posts: LivePost[],
  teams: Teams,
  publicUrl: string,
): V1DepartmentTree[] =>
  teams.map((team) => ({
    id: team.public_id,
    name: team.name,
    children: [],
    jobs: jobsOf(board, posts, team.id, publicUrl),
  }));

/** Every office with its departments, each carrying its jobs at that office. */
export function presentOffices(
  board: BoardRow,
  posts: LivePost[],
  { teams, offices }: Places,
  publicUrl: string,
  tree: boolean,
): V1Office[] {
  const here = (officeId: string) => posts.filter((p) => p.office_ids.includes(officeId));
  return offices.map((office) => {
    const base = { id: office.public_id, name: office.name, location: office.location };
    return tree
      ? { ...base, children: [], departments: departmentTree(board, here(office.id), teams, publicUrl) }
      : { ...base, ...listPlace, departments: departmentList(board, here(office.id), teams, publicUrl) };
  });
}
