import type { DomainError } from '../../contracts/errors.js';
import type { InterviewKit } from '../../contracts/kits.js';
import type { VestingSchedule } from '../../contracts/offer-terms.js';
import type { AccountsRepository } from '../accounts/accounts.port.js';
import type { MfaRepository } from '../accounts/mfa-port.js';
import type { ScimRepository } from '../accounts/scim-port.js';
import type { SsoRepository } from '../accounts/sso-port.js';
import type { ApplicationsRepository, AttachmentsRepository } from '../applications/applications.port.js';
import type { AssessmentsRepository } from '../assessments/assessments.port.js';
import type { AvailabilityRepository } from '../availability/availability.port.js';
import type { BoardsRepository } from '../boards/boards.port.js';
import type { CandidatesRepository } from '../candidates/candidates.port.js';
import type { FeedbackRepository } from '../feedback/feedback.port.js';
import type { InboxRepository } from '../inbox/inbox.port.js';
import type { JobsRepository } from '../jobs/jobs.port.js';
import type { MergesRepository } from '../merges/merges.port.js';
import type { MessagesRepository } from '../messages/messages.port.js';
import type { MockRepository } from '../mock/mock.port.js';
import type { NotesRepository } from '../notes/notes.port.js';
import type { MessageText, NotificationsRepository } from '../notifications/notifications.port.js';
import type { NotificationsAdminRepository } from '../notifications/notifications-admin.port.js';
import type { OffersRepository, VestingSchedulesRepository } from '../offers/offers.port.js';
import type {
  OrganisationRepository,
  PeopleRepository,
  PoliciesRepository,
  TeamsRepository,
} from '../organisation/organisation.port.js';
import type { PadsRepository } from '../pads/pads.port.js';
import type { PracticeRepository } from '../practice/practice.port.js';
import type { ProcessesRepository } from '../processes/processes.port.js';
import type { RetentionRepository } from '../retention/retention.port.js';
import type { SchedulingRepository } from '../scheduling/scheduling.port.js';
import type { ScreeningRepository } from '../screening/screening.port.js';
import type { TagsRepository } from '../tags/tags.port.js';
import type { AuditRepository } from './audit.port.js';
import type { OutboxRepository } from './outbox.port.js';
import type { Result } from './result.js';

export interface Clock {
  now(): Date;
}

export interface Ids {
  next(): string;
}

/** Secrets sent in links (sign-in, scheduling, assessments, pads): the store keeps only their hash. */
export interface Tokens {
  next(): string;
  hash(token: string): string;
}

/**
 * Every module's repository, by name; a use case asks for the ones it uses
 * (`store: Pick<Store, 'applications' | 'audit'>`). Every call is inside one transaction.
 */
export interface Store {
  applications: ApplicationsRepository;
  attachments: AttachmentsRepository;
  candidates: CandidatesRepository;
  jobs: JobsRepository;
  processes: ProcessesRepository;
  offers: OffersRepository;
  vestingSchedules: VestingSchedulesRepository;
  feedback: FeedbackRepository;
  boards: BoardsRepository;
  notifications: NotificationsRepository;
  messages: MessagesRepository;
  scheduling: SchedulingRepository;
  availability: AvailabilityRepository;
  people: PeopleRepository;
  teams: TeamsRepository;
  policies: PoliciesRepository;
  organisation: OrganisationRepository;
  accounts: AccountsRepository;
  mfa: MfaRepository;
  sso: SsoRepository;
  scim: ScimRepository;
  notificationsAdmin: NotificationsAdminRepository;
  assessments: AssessmentsRepository;
  pads: PadsRepository;
  notes: NotesRepository;
  tags: TagsRepository;
  inbox: InboxRepository;
  merges: MergesRepository;
  practice: PracticeRepository;
  mock: MockRepository;
  screening: ScreeningRepository;
  retention: RetentionRepository;
  audit: AuditRepository;
  outbox: OutboxRepository;
}

/** Data shipped with the product, read once at start. */
export interface Catalog {
  vestingSchedule(key: string): VestingSchedule | undefined;
  /** A shipped message template's text in a language, if written in it. */
  messageText(key: string, language: string): MessageText | undefined;
  interviewKit(roundType: string): InterviewKit | undefined;
}

export interface Deps {
  clock: Clock;
  ids: Ids;
  tokens: Tokens;
  catalog: Catalog;
  /** Runs `work` in one transaction; a failed Result rolls everything back. */
  transaction<T>(work: (store: Store) => Promise<Result<T, DomainError>>): Promise<Result<T, DomainError>>;
}
