import type { CompensationBand } from '../../contracts/offer-terms.js';
import type { Process } from '../processes/processes.port.js';
import type { Job, JobStatus } from '../shared/types.js';

export interface JobFields {
  title: string;
  teamId: string;
  processId: string;
  employmentType: Job['employmentType'];
  jobFamily: string;
  headcount: number;
  level: string;
  locations: string[];
  officeIds: string[];
  posting: Record<string, unknown>;
  compensationBand?: CompensationBand | null;
}

export type NewJob = JobFields & { id: string; orgId: string; status: JobStatus };

export type JobChange = Partial<JobFields> & { status?: JobStatus; hiredCount?: number };

export interface JobsRepository {
  lock(orgId: string, id: string): Promise<Job | null>;
  /** The job, locked, with the process version it points at, in one read. */
  lockWithProcess(orgId: string, id: string): Promise<{ job: Job; process: Process | null } | null>;
  insert(job: NewJob): Promise<Job>;
  /** Sets the fields given, leaves the rest, and moves the version on. */
  update(orgId: string, id: string, change: JobChange): Promise<Job>;
}
