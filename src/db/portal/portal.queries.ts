import type { Kysely } from 'kysely';
import type { Catalog } from '../../core/shared/ports.js';
import { applicationQueries } from '../applications/applications.queries.js';
import { candidateZone } from '../candidates/candidate-zone.js';
import { candidateQueries, presentCandidate } from '../candidates/candidates.queries.js';
import { messageQueries } from '../messages/messages.queries.js';
import { mockQueries } from '../mock/mock.queries.js';
import { offerQueries } from '../offers/offers.queries.js';
import { practiceQueries } from '../practice/practice.queries.js';
import type { DB } from '../schema.js';

/** The candidate's own view: only ever rows of the signed-in candidate, in their organisation. */
export function portalQueries(db: Kysely<DB>, catalog: Catalog) {
  const applications = applicationQueries(db);
  const candidates = candidateQueries(db);
  const offers = offerQueries(db, catalog);

  /** The candidate's own zone, else the organisation's, else UTC. */
  const zoneOf = (orgId: string, candidateId: string) => candidateZone(db, orgId, candidateId);

  const portal = {
    applications: (orgId: string, candidateId: string) => applications.forCandidate(orgId, candidateId),

    async application(orgId: string, candidateId: string, id: string) {
      return (await applications.forCandidate(orgId, candidateId)).find((a) => a.id === id) ?? null;
    },

    /** Interviews soonest first, with the zone the candidate reads them in. */
    async interviews(orgId: string, candidateId: string) {
      const [timezone, rows] = await Promise.all([
        zoneOf(orgId, candidateId),
        db
          .selectFrom('interviews')
          .innerJoin('applications', 'applications.id', 'interviews.application_id')
          .innerJoin('jobs', 'jobs.id', 'applications.job_id')
          .selectAll('interviews')
          .select(['applications.plan', 'jobs.title as job_title'])
          .where('interviews.org_id', '=', orgId)
          .where('applications.candidate_id', '=', candidateId)
          .orderBy('interviews.starts_at')
          .limit(200)
          .execute(),
      ]);
      return rows.map((r) => ({
        id: r.id,
        applicationId: r.application_id,
        jobTitle: r.job_title,
        roundName: r.plan.find((p) => p.key === r.round_key)?.name ?? r.round_key,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        timezone,
        language: r.language,
        status: r.status,
        changeReason: r.change_reason,
        videoUrl: r.video_url,
      }));
    },

    /** Everything held about the candidate, for their data export. */
    async dataExport(orgId: string, candidateId: string, now: Date) {
      const practice = practiceQueries(db);
      const [
        profile,
        applied,
        interviews,
        offered,
        attachments,
        messages,
        conversations,
        attempts,
        plans,
        mock,
      ] = await Promise.all([
        db
          .selectFrom('candidates')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('id', '=', candidateId)
          .executeTakeFirstOrThrow(),
        applications.forCandidate(orgId, candidateId),
        portal.interviews(orgId, candidateId),
        offers.candidateOffers(orgId, candidateId),
        candidates.attachments(orgId, candidateId),
        candidates.messages(orgId, candidateId),
        messageQueries(db).forCandidate(orgId, candidateId, now),
        practice.attempts(orgId, candidateId),
        practice.plans(orgId, candidateId),
        mockQueries(db).ofCandidate(orgId, candidateId),
      ]);
      return {
        profile: { ...presentCandidate(profile), resumeText: profile.resume_text },
        applications: applied,
        interviews,
        offers: offered,
        attachments,
        messages,
        conversations,
        practice: { attempts, plans },
        mockInterviews: mock,
      };
    },
  };
  return portal;
}
