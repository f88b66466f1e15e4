import type { Kysely } from 'kysely';
import type { Profile, ThreadMessage } from '../../contracts/messages.js';
import type { PlannedRound } from '../../core/shared/types.js';
import { messageQueries } from '../messages/messages.queries.js';
import type { DB } from '../schema.js';

const iso = (d: Date) => d.toISOString();
type Feed = Profile['feed'][number];
type Source = Profile['applications'][number]['source'];

/** Where an application came from, as `applications.source` records it. */
export function sourceOf(source: string, boards: Map<string, string>): Source {
  const [prefix, token = ''] = source.split(':', 2);
  if (prefix === 'board') return { kind: 'board', name: boards.get(token) ?? token };
  if (prefix === 'careers') return { kind: 'career_site', name: boards.get(token) ?? token };
  if (prefix === 'referral') return { kind: 'referral', name: token };
  if (prefix === 'candidate_portal') return { kind: 'candidate_portal', name: '' };
  return { kind: 'staff', name: '' };
}

/** The job board's standard questions and fields, in the words the application form asked them. */
const answerWords: Record<string, string> = {
  question_1: "Can commit to the internship's minimum length and term",
  educations: 'Education',
  employments: 'Employment',
  data_compliance: 'Data consent',
  gdpr_consent_given: 'consent to being considered',
  gdpr_processing_consent_given: 'consent to processing',
  gdpr_retention_consent_given: 'consent to being kept for later openings',
};
const wordsFor = (key: string) => answerWords[key] ?? key.replaceAll('_', ' ');

/** An answer as text: yes/no in words, lists as lines, records as "what: answer" pairs. */
function answerText(value: unknown, key?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (key === 'question_1' && (value === 0 || value === 1)) return value === 1 ? 'Yes' : 'No';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map((v) => answerText(v)).join('\n');
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${wordsFor(k)}: ${answerText(v, k)}`)
    .join(', ');
}

const feedKindOf = (action: string): Feed['kind'] | null => {
  if (action.startsWith('application.')) return 'application';
  if (action.startsWith('round.')) return 'decision';
  if (action.startsWith('interview.')) return 'interview';
  if (action.startsWith('offer.')) return 'offer';
  return null;
};

const messageItem = (m: ThreadMessage, jobTitle: string | null): Feed => ({
  id: `message:${m.id}`,
  at: m.sendAt,
  kind: 'message',
  action: m.direction === 'inbound' ? 'message.received' : `message.${m.status}`,
  applicationId: m.applicationId,
  jobTitle,
  actorName: m.authorName,
  detail: m.subject,
});

/** One page about one person: every application, their files, the conversation and one feed. */
export function profileQueries(db: Kysely<DB>) {
  const threads = messageQueries(db);
  return {
    async get(orgId: string, candidateId: string): Promise<Profile | null> {
      const candidate = await db
        .selectFrom('candidates')
        .leftJoin('users as owner', 'owner.id', 'candidates.owner_id')
        .selectAll('candidates')
        .select('owner.name as owner_name')
        .where('candidates.org_id', '=', orgId)
        .where('candidates.id', '=', candidateId)
        .executeTakeFirst();
      if (!candidate) return null;
      const [applications, documents, boards, messages] = await Promise.all([
        db
          .selectFrom('applications')
          .innerJoin('jobs', 'jobs.id', 'applications.job_id')
          .innerJoin('teams', 'teams.id', 'applications.team_id')
          .selectAll('applications')
          .select(['jobs.title as job_title', 'teams.name as team_name'])
          .where('applications.org_id', '=', orgId)
          .where('applications.candidate_id', '=', candidateId)
          .orderBy('applications.submitted_at')
          .execute(),
        db
          .selectFrom('attachments')
          .select([
            'id',
            'application_id',
            'kind',
            'filename',
            'content_type',
            'size_bytes',
            'text',
            'text_unread',
            'created_at',
          ])
          .where('org_id', '=', orgId)
          .where('candidate_id', '=', candidateId)
          .orderBy('created_at', 'desc')
          .execute(),
        db.selectFrom('boards').select(['token', 'name']).where('org_id', '=', orgId).execute(),
        threads.forStaff(orgId, candidateId),
      ]);
      const boardNames = new Map(boards.map((b) => [b.token, b.name]));
      const appIds = applications.map((a) => a.id);
      const titles = new Map(applications.map((a) => [a.id, a.job_title]));
      const plans = new Map(applications.map((a) => [a.id, a.plan as PlannedRound[]]));
      const offers = appIds.length
        ? await db
            .selectFrom('offers')
            .select(['id', 'application_id'])
            .where('org_id', '=', orgId)
            .where('application_id', 'in', appIds)
            .execute()
        : [];
      const offerApp = new Map(offers.map((o) => [o.id, o.application_id]));
      const events = appIds.length
        ? await db
            .selectFrom('audit_events')
            .leftJoin('users', 'users.id', 'audit_events.actor_id')
            .leftJoin('boards', 'boards.id', 'audit_events.actor_id')
            .select([
              'audit_events.seq',
              'audit_events.at',
              'audit_events.action',
              'audit_events.entity_type',
              'audit_events.entity_id',
              'audit_events.reason',
              'audit_events.data',
              'audit_events.actor_kind',
              'users.name as user_name',
              'boards.name as board_name',
            ])
            .where('audit_events.org_id', '=', orgId)
            .where((eb) =>
              eb.or([
                eb.and([
                  eb('audit_events.entity_type', '=', 'application'),
                  eb('audit_events.entity_id', 'in', appIds),
                ]),
                ...(offers.length
                  ? [
                      eb.and([
                        eb('audit_events.entity_type', '=', 'offer'),
                        eb('audit_events.entity_id', 'in', [...offerApp.keys()]),
                      ]),
                    ]
                  : []),
              ]),
            )
            .orderBy('audit_events.seq')
            .limit(2000)
            .execute()
        : [];
      const feed: Feed[] = [];
      for (const e of events) {
        const kind = feedKindOf(e.action);
        if (!kind) continue;
        const applicationId = e.entity_type === 'offer' ? (offerApp.get(e.entity_id) ?? null) : e.entity_id;
        const roundKey = typeof e.data.roundKey === 'string' ? e.data.roundKey : null;
        const round =
          roundKey && applicationId ? plans.get(applicationId)?.find((r) => r.key === roundKey) : null;
        const detail = [round?.name, e.reason].filter(Boolean).join(': ') || null;
        feed.push({
          id: `event:${e.seq}`,
          at: iso(e.at),
          kind,
          action: e.action,
          applicationId,
          jobTitle: applicationId ? (titles.get(applicationId) ?? null) : null,
          actorName: e.user_name ?? (e.actor_kind === 'candidate' ? 'the candidate' : (e.board_name ?? null)),
          detail,
        });
      }
      for (const m of messages) feed.push(messageItem(m, titles.get(m.applicationId) ?? null));
      // Array.prototype.sort is stable: at one instant, events keep their order and precede messages.
      feed.sort((a, b) => a.at.localeCompare(b.at));
      const letters = documents.filter((d) => d.kind === 'cover_letter');
      return {
        candidate: {
          id: candidate.id,
          email: candidate.email,
          firstName: candidate.first_name,
          lastName: candidate.last_name,
          phone: candidate.phone,
          timezone: candidate.timezone,
          language: candidate.language,
          erased: candidate.erased_at !== null,
          createdAt: iso(candidate.created_at),
          owner:
            candidate.owner_id && candidate.owner_name
              ? { id: candidate.owner_id, name: candidate.owner_name }
              : null,
        },
        applications: applications.map((a) => {
          const plan = a.plan as PlannedRound[];
          const letter = letters.find((d) => d.application_id === a.id);
          return {
            id: a.id,
            jobId: a.job_id,
            jobTitle: a.job_title,
            teamName: a.team_name,
            status: a.status,
            step: a.stage_index >= plan.length ? 'offer' : (plan[a.stage_index]?.step ?? 'offer'),
            submittedAt: iso(a.submitted_at),
            endedAt: a.ended_at ? iso(a.ended_at) : null,
            source: sourceOf(a.source, boardNames),
            answers: Object.entries(a.answers)
              .filter(([key]) => key !== 'mapped_url_token')
              .map(([key, value]) => ({ question: wordsFor(key), answer: answerText(value, key) })),
            coverLetter: letter ? { attachmentId: letter.id, text: letter.text } : null,
          };
        }),
        documents: documents.map((d) => ({
          id: d.id,
          applicationId: d.application_id,
          kind: d.kind as 'resume' | 'cover_letter',
          filename: d.filename,
          contentType: d.content_type,
          sizeBytes: d.size_bytes,
          text: d.text,
          textUnread: d.text_unread,
          createdAt: iso(d.created_at),
        })),
        messages,
        feed,
      };
    },
  };
}
