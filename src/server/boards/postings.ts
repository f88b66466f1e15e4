import { DateTime } from 'luxon';
import type { V1JobSummary } from '../../contracts/boards.js';
import type { BoardRow, LivePost, PostSummary } from '../../db/boards/boards.queries.js';

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Posting {
  summary?: string;
  responsibilities?: string[];
  minimumQualifications?: string[];
  preferredQualifications?: string[];
  faq?: { question: string; answer: string }[];
  internship?: { term: string; minimumWeeks: number; degreeLevels: string[]; eligibility: string[] };
}

const list = (title: string, items: string[] | undefined) =>
  items?.length
    ? `<h3>${escapeHtml(title)}</h3><ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
    : '';

/** The posting as HTML: summary, responsibilities, qualifications, an internship's terms, FAQ. */
export function postingHtml(post: Pick<LivePost, 'posting'>): string {
  const p = post.posting as Posting;
  const internship = p.internship
    ? `<h3>Internship</h3><ul><li>Term: ${escapeHtml(p.internship.term)}</li><li>At least ${p.internship.minimumWeeks} weeks</li>` +
      `<li>Degree levels: ${escapeHtml(p.internship.degreeLevels.join(', '))}</li>` +
      p.internship.eligibility.map((e) => `<li>${escapeHtml(e)}</li>`).join('') +
      '</ul>'
    : '';
  const faq = p.faq?.length
    ? `<h3>FAQ</h3><dl>${p.faq.map((f) => `<dt>${escapeHtml(f.question)}</dt><dd>${escapeHtml(f.answer)}</dd>`).join('')}</dl>`
    : '';
  return [
    p.summary ? `<p>${escapeHtml(p.summary)}</p>` : '',
    list('Responsibilities', p.responsibilities),
    list('Minimum qualifications', p.minimumQualifications),
    list('Preferred qualifications', p.preferredQualifications),
    internship,
    faq,
  ].join('');
}

// Offsets change only on a quarter hour (in UTC too, for zones such as Adelaide's or St John's), so
// an offset is looked up once per zone and quarter hour: formatting a thousand jobs' dates through
// the time-zone database was most of a board list's time.
const offsets = new Map<string, number>();
function offsetMinutes(d: Date, zone: string): number {
  const key = `${zone}|${Math.floor(d.getTime() / 900_000)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    offset = DateTime.fromJSDate(d, { zone }).offset;
    offsets.set(key, offset);
  }
  return offset;
}

/** ISO 8601 with the organisation's offset, as the Greenhouse API writes dates. */
export function boardTime(d: Date, zone: string): string {
  const offset = offsetMinutes(d, zone);
  const local = new Date(d.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export const postUrl = (publicUrl: string, token: string, postId: number) =>
  `${publicUrl}/careers/${token}/jobs/${postId}`;

/** The job summary every board list carries. */
export function jobSummary(board: BoardRow, post: PostSummary, publicUrl: string): V1JobSummary {
  return {
    id: post.post_id,
    internal_job_id: post.job_public_id,
    title: post.title,
    updated_at: boardTime(post.updated_at, board.org_timezone),
    requisition_id: `REQ-${post.job_public_id}`,
    location: { name: post.locations.join('; ') },
    absolute_url: postUrl(publicUrl, board.token, post.post_id),
    metadata: null,
    company_name: board.org_name,
    first_published: boardTime(post.first_published_at, board.org_timezone),
    language: 'en',
  };
}
