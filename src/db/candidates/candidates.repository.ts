import { type Kysely, type Selectable, sql } from 'kysely';
import type { CandidatesRepository } from '../../core/candidates/candidates.port.js';
import type { Clock } from '../../core/shared/ports.js';
import type { DB } from '../schema.js';

/** Merges chain (A into B, then B into C); a longer chain than this is a loop left by a bug. */
const MAX_MERGE_HOPS = 20;

/**
 * Rows that are the candidate's alone and go entirely on erasure, by the column that ties them to
 * the candidate: their own id, or one of their applications. A new table of personal data is one
 * line here.
 */
export const erasedWithCandidate: readonly { table: keyof DB; by: 'candidate_id' | 'application_id' }[] = [
  { table: 'candidate_consents', by: 'candidate_id' },
  { table: 'screening_annotations', by: 'application_id' },
  { table: 'self_identifications', by: 'application_id' },
];

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function candidatesRepository(trx: Kysely<DB>, clock: Clock): CandidatesRepository {
  return {
    async upsertAndLock(orgId, id, input) {
      const emailNormalized = normalizeEmail(input.email);
      const insert = trx
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
        // A returning candidate keeps their record; a newly sent resume replaces the old one below.
        .onConflict((oc) => oc.columns(['org_id', 'email_normalized']).doNothing())
        .returningAll();
      const select = (column: 'email_normalized' | 'id', value: string) =>
        trx
          .selectFrom('candidates')
          .selectAll()
          .where('org_id', '=', orgId)
          .where(column, '=', value)
          .forUpdate();
      const locked = (column: 'email_normalized' | 'id', value: string) =>
        select(column, value).executeTakeFirstOrThrow();
      // One statement: the new row, or the existing one locked. Neither comes back when another
      // transaction inserted the address after this statement began: its row is then read anew.
      const { rows } = await sql<Selectable<DB['candidates']>>`
        WITH inserted AS (${insert}), existing AS (${select('email_normalized', emailNormalized)})
        SELECT * FROM inserted UNION ALL SELECT * FROM existing`.execute(trx);
      let row = rows[0] ?? (await locked('email_normalized', emailNormalized));
      // An address whose record was merged into another person's applies as that person.
      for (let hops = 0; row.merged_into !== null && hops < MAX_MERGE_HOPS; hops++) {
        row = await locked('id', row.merged_into);
      }
      if (input.resumeText != null && input.resumeText !== row.resume_text) {
        await trx
          .updateTable('candidates')
          .set({ resume_text: input.resumeText })
          .where('org_id', '=', orgId)
          .where('id', '=', row.id)
          .execute();
      }
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
      for (const { table, by } of erasedWithCandidate) {
        const owned =
          by === 'candidate_id'
            ? sql`candidate_id = ${id}`
            : sql`application_id IN (SELECT id FROM applications WHERE org_id = ${orgId} AND candidate_id = ${id})`;
        await sql`DELETE FROM ${sql.table(table)} WHERE org_id = ${orgId} AND ${owned}`.execute(trx);
      }
      // Practice is the candidate's alone and tells nothing about an application: it goes entirely.
      await trx
        .deleteFrom('practice_attempts')
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', id)
        .execute();
      await trx
        .deleteFrom('practice_plans')
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', id)
        .execute();
      // Mock interviews: sessions still ahead are cancelled and both people's time freed; every
      // session keeps its place in the practice interviewer's list without its words or its pad.
      const mockSessions = trx
        .selectFrom('mock_sessions')
        .select('id')
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', id);
      const ahead = await trx
        .updateTable('mock_sessions')
        .set({ status: 'cancelled', cancelled_by: 'candidate' })
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', id)
        .where('status', '=', 'booked')
        .where('starts_at', '>', at)
        .returning('id')
        .execute();
      if (ahead.length > 0)
        await trx
          .deleteFrom('interview_holds')
          .where(
            'mock_session_id',
            'in',
            ahead.map((s) => s.id),
          )
          .execute();
      await trx
        .updateTable('mock_sessions')
        .set({ cancel_reason: null })
        .where('id', 'in', mockSessions)
        .execute();
      await trx.deleteFrom('mock_cards').where('session_id', 'in', mockSessions).execute();
      const mockPads = trx.selectFrom('pads').select('id').where('mock_session_id', 'in', mockSessions);
      await trx.deleteFrom('pad_events').where('pad_id', 'in', mockPads).execute();
      await trx.deleteFrom('pads').where('mock_session_id', 'in', mockSessions).execute();
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
      // Conversations keep their place without their words; reply addresses stop answering.
      const threads = trx.selectFrom('message_threads').select('id').where('candidate_id', '=', id);
      const messages = trx.selectFrom('thread_messages').select('id').where('thread_id', 'in', threads);
      await trx.deleteFrom('message_attachments').where('message_id', 'in', messages).execute();
      await trx
        .updateTable('thread_messages')
        .set({
          subject: '[erased]',
          body: '[erased]',
          quoted: '',
          from_address: null,
          reply_token_hash: null,
        })
        .where('thread_id', 'in', threads)
        .execute();
      await trx.deleteFrom('competing_offers').where('application_id', 'in', applications).execute();
      // A signature keeps the letter's hash and when it was signed, not who typed what from where.
      await trx
        .updateTable('offer_signatures')
        .set({ typed_name: '[erased]', address: null, user_agent: null })
        .where('offer_id', 'in', (eb) =>
          eb.selectFrom('offers').select('id').where('application_id', 'in', applications),
        )
        .execute();
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
