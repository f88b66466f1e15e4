import { type Kysely, sql } from 'kysely';
import type { CandidatesRepository } from '../../core/candidates/candidates.port.js';
import type { Clock } from '../../core/shared/ports.js';
import type { DB } from '../schema.js';

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function candidatesRepository(trx: Kysely<DB>, clock: Clock): CandidatesRepository {
  return {
    async upsertAndLock(orgId, id, input) {
      const emailNormalized = normalizeEmail(input.email);
      await trx
        .insertInto('candidates')
        .values({
          id,
          org_id: orgId,
          email: input.email.trim(),
          email_normalized: emailNormalized,
          first_name: input.firstName,
          last_name: input.lastName,
          phone: input.phone ?? null,
          timezone: input.timezone ?? null,
          resume_text: input.resumeText ?? null,
          created_at: clock.now(),
        })
        // A returning candidate keeps their record; a newly sent resume replaces the old one.
        .onConflict((oc) =>
          oc
            .columns(['org_id', 'email_normalized'])
            .doUpdateSet({ resume_text: sql`coalesce(excluded.resume_text, candidates.resume_text)` }),
        )
        .execute();
      const row = await trx
        .selectFrom('candidates')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('email_normalized', '=', emailNormalized)
        .forUpdate()
        .executeTakeFirstOrThrow();
      return { id: row.id, orgId, email: row.email, firstName: row.first_name, lastName: row.last_name };
    },
    async lock(orgId, id) {
      const row = await trx
        .selectFrom('candidates')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      return row
        ? { id: row.id, orgId, email: row.email, firstName: row.first_name, lastName: row.last_name }
        : null;
    },
    async erase(orgId, id, at) {
      // An address that can never receive mail (RFC 2606), unique so the email index holds.
      const nowhere = `erased-${id}@erased.invalid`;
      const applications = trx
        .selectFrom('applications')
        .select('id')
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', id);
      await trx
        .updateTable('candidates')
        .set({
          first_name: 'Erased',
          last_name: 'candidate',
          email: nowhere,
          email_normalized: nowhere,
          phone: null,
          timezone: null,
          language: null,
          resume_text: null,
          erased_at: at,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
      await trx.updateTable('applications').set({ answers: '{}' }).where('id', 'in', applications).execute();
      // Their assessment answers (code, deliverables) go too; scores and timelines stay.
      await trx
        .updateTable('assessment_answers')
        .set({ code: '', attachment_id: null })
        .where('assessment_id', 'in', (eb) =>
          eb.selectFrom('assessments').select('id').where('application_id', 'in', applications),
        )
        .execute();
      await trx
        .deleteFrom('attachments')
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', id)
        .execute();
      await trx.deleteFrom('competing_offers').where('application_id', 'in', applications).execute();
      await trx.deleteFrom('scheduling_links').where('application_id', 'in', applications).execute();
      await trx.deleteFrom('sessions').where('candidate_id', '=', id).execute();
      await trx.deleteFrom('sign_in_links').where('candidate_id', '=', id).execute();
      // Sent emails keep their place in the log without their words; unsent ones never go.
      await trx
        .updateTable('deliveries')
        .set({ recipient: nowhere, subject: '[erased]', body: '[erased]', calendar: null })
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', id)
        .execute();
      await trx
        .updateTable('deliveries')
        .set({ status: 'failed', locked_until: null, last_error: "The candidate's data was erased." })
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', id)
        .where('status', '=', 'pending')
        .execute();
    },
  };
}
