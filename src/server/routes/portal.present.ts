import { localTime } from '../../core/availability/availability.rules.js';
import { candidateStep } from '../../core/portal/portal.rules.js';
import { itemDone } from '../../core/practice/practice.rules.js';
import { videoLink } from '../../core/scheduling/video.js';
import type { Catalog } from '../../core/shared/ports.js';
import type { portalQueries } from '../../db/portal/portal.queries.js';
import { presentMockSession } from './mock.present.js';
import { presentCandidateOffer } from './offers.present.js';

type Reads = ReturnType<typeof portalQueries>;
type PortalApplicationRow = Awaited<ReturnType<Reads['applications']>>[number];
type InterviewRow = Awaited<ReturnType<Reads['interviews']>>[number];
type ExportRows = Awaited<ReturnType<Reads['dataExport']>>;

/** An application as its candidate sees it: the step it is in, the next one, how to prepare. */
export const presentPortalApplication = (
  a: PortalApplicationRow,
  catalog: Catalog,
  samplesFor: (roundType: string) => string[],
) => ({
  ...a,
  ...candidateStep(a.plan, a.currentRound, (roundType) => catalog.interviewKit(roundType), samplesFor),
});

/** An interview in the candidate's own time zone, with its video link while it is still on. */
export const presentCandidateInterview = (r: InterviewRow, videoRoomBaseUrl: string) => ({
  ...r,
  startsAt: r.startsAt.toISOString(),
  endsAt: r.endsAt.toISOString(),
  startsAtLocal: localTime(r.startsAt, r.timezone),
  videoUrl: r.status === 'scheduled' ? videoLink({ id: r.id, videoUrl: r.videoUrl }, videoRoomBaseUrl) : null,
});

export function presentDataExport(
  data: ExportRows,
  options: {
    now: Date;
    catalog: Catalog;
    videoRoomBaseUrl: string;
    samplesFor: (roundType: string) => string[];
  },
) {
  return {
    exportedAt: options.now.toISOString(),
    profile: data.profile,
    applications: data.applications.map((a) =>
      presentPortalApplication(a, options.catalog, options.samplesFor),
    ),
    interviews: data.interviews.map((i) => presentCandidateInterview(i, options.videoRoomBaseUrl)),
    offers: data.offers.map((o) => presentCandidateOffer(o, options.now)),
    attachments: data.attachments,
    messages: data.messages,
    conversations: data.conversations,
    practice: {
      attempts: data.practice.attempts.map((a) => ({
        id: a.id,
        kind: a.kind,
        slug: a.slug,
        mode: a.mode,
        language: a.language,
        code: a.code,
        startedAt: a.startedAt.toISOString(),
        deadlineAt: a.deadlineAt?.toISOString() ?? null,
        submittedAt: a.submittedAt?.toISOString() ?? null,
        passed: a.passed,
        total: a.total,
        scorePercent: a.scorePercent,
      })),
      plans: data.practice.plans.map((p) => ({
        id: p.id,
        roundName: p.roundName,
        roundType: p.roundType,
        roundStartsAt: p.roundStartsAt.toISOString(),
        reminders: p.reminders,
        createdAt: p.createdAt.toISOString(),
        endedAt: p.endedAt?.toISOString() ?? null,
        days: p.days.map((d) => ({
          date: d.date,
          items: d.items.map((i) => ({ ...i, done: itemDone(i, data.practice.attempts, p.createdAt) })),
        })),
      })),
    },
    mockInterviews: data.mockInterviews.map((m) => ({
      ...presentMockSession(m, 'candidate', options.catalog, options.videoRoomBaseUrl, options.now),
      coachName: m.coach_name,
    })),
  };
}
