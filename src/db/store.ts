import type { Kysely, Transaction } from 'kysely';
import type { DomainError } from '../contracts/errors.js';
import type { Catalog, Clock, Deps, Ids, Store } from '../core/shared/ports.js';
import type { Result } from '../core/shared/result.js';
import { fail } from '../core/shared/result.js';
import { accountsRepository } from './accounts/accounts.repository.js';
import { mfaRepository } from './accounts/mfa.repository.js';
import { scimRepository } from './accounts/scim.repository.js';
import { ssoRepository } from './accounts/sso.repository.js';
import { applicationsRepository, attachmentsRepository } from './applications/applications.repository.js';
import { assessmentsRepository } from './assessments/assessments.repository.js';
import { auditRepository } from './audit.repository.js';
import { availabilityRepository } from './availability/availability.repository.js';
import { boardsRepository } from './boards/boards.repository.js';
import { candidatesRepository } from './candidates/candidates.repository.js';
import { feedbackRepository } from './feedback/feedback.repository.js';
import { inboxRepository } from './inbox/inbox.repository.js';
import { jobsRepository } from './jobs/jobs.repository.js';
import { mergesRepository } from './merges/merges.repository.js';
import { messagesRepository } from './messages/messages.repository.js';
import { mockRepository } from './mock/mock.repository.js';
import { notesRepository } from './notes/notes.repository.js';
import { notificationsRepository } from './notifications/notifications.repository.js';
import { notificationsAdminRepository } from './notifications/notifications-admin.repository.js';
import { offersRepository, vestingSchedulesRepository } from './offers/offers.repository.js';
import {
  organisationRepository,
  peopleRepository,
  policiesRepository,
  teamsRepository,
} from './organisation/organisation.repository.js';
import { outboxRepository } from './outbox.repository.js';
import { padsRepository } from './pads/pads.repository.js';
import { practiceRepository } from './practice/practice.repository.js';
import { processesRepository } from './processes/processes.repository.js';
import { retentionRepository } from './retention/retention.repository.js';
import { schedulingRepository } from './scheduling/scheduling.repository.js';
import type { DB } from './schema.js';
import { screeningRepository } from './screening/screening.repository.js';
import { tagsRepository } from './tags/tags.repository.js';
import { secretTokens } from './tokens.js';

/** Every module's repository over one transaction. */
function createStore(trx: Kysely<DB>, clock: Clock): Store {
  return {
    applications: applicationsRepository(trx),
    attachments: attachmentsRepository(trx),
    candidates: candidatesRepository(trx, clock),
    jobs: jobsRepository(trx, clock),
    processes: processesRepository(trx, clock),
    offers: offersRepository(trx, clock),
    vestingSchedules: vestingSchedulesRepository(trx),
    feedback: feedbackRepository(trx, clock),
    boards: boardsRepository(trx),
    notifications: notificationsRepository(trx),
    messages: messagesRepository(trx),
    scheduling: schedulingRepository(trx, clock),
    availability: availabilityRepository(trx),
    people: peopleRepository(trx),
    teams: teamsRepository(trx),
    policies: policiesRepository(trx),
    organisation: organisationRepository(trx),
    accounts: accountsRepository(trx),
    mfa: mfaRepository(trx),
    sso: ssoRepository(trx),
    scim: scimRepository(trx),
    notificationsAdmin: notificationsAdminRepository(trx),
    assessments: assessmentsRepository(trx),
    pads: padsRepository(trx),
    notes: notesRepository(trx),
    tags: tagsRepository(trx),
    inbox: inboxRepository(trx),
    merges: mergesRepository(trx),
    practice: practiceRepository(trx),
    mock: mockRepository(trx),
    screening: screeningRepository(trx),
    retention: retentionRepository(trx),
    audit: auditRepository(trx, clock),
    outbox: outboxRepository(trx, clock),
  };
}

class Rollback {
  constructor(readonly result: Result<never, DomainError>) {}
}

/** Postgres errors that mean "someone else changed this at the same time", not a bug. */
const concurrencyErrors = new Set(['23505', '40001', '40P01']);
/** Serialisation failures and deadlocks: the transaction is run again, up to three times in all. */
const retried = new Set(['40001', '40P01']);
/** The exclusion constraint on interview holds: someone is already booked at that time. */
const OVERLAP = '23P01';

export function createDeps(db: Kysely<DB>, clock: Clock, ids: Ids, catalog: Catalog): Deps {
  return {
    clock,
    ids,
    tokens: secretTokens,
    catalog,
    async transaction(work) {
      if (db.isTransaction) {
        // Already inside a caller's transaction (the demo seed): a refusal there is a bug, and
        // throwing rolls the caller's whole transaction back.
        const result = await work(createStore(db, clock));
        if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
        return result;
      }
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction().execute(async (trx: Transaction<DB>) => {
            const result = await work(createStore(trx, clock));
            if (!result.ok) throw new Rollback(result);
            return result;
          });
        } catch (error) {
          if (error instanceof Rollback) return error.result;
          const code = (error as { code?: string }).code;
          // A deadlock's victim (two bookings racing through the overlap check, say) did nothing
          // wrong: run it again, and it meets the winner's committed rows like any later change.
          if (code && retried.has(code) && attempt < 3) continue;
          return refusalOf(error);
        }
      }
    },
  };
}

/** What a failed transaction tells the caller: a clash with another change, or the error itself. */
function refusalOf(error: unknown) {
  const code = (error as { code?: string }).code;
  if (code === OVERLAP) {
    return fail('interview.slot_taken', 'Someone on this interview is already booked at that time.', {
      constraint: (error as { constraint?: string }).constraint,
    });
  }
  if (code && concurrencyErrors.has(code)) {
    return fail(
      'conflict.concurrent_change',
      'Another change to the same record happened at the same time; retry.',
      { constraint: (error as { constraint?: string }).constraint },
    );
  }
  throw error;
}
