import type { ProcessDefinition } from '../../contracts/process-template.js';

/** One version of a team's process; a revision is a new version in the same lineage. */
export interface Process {
  id: string;
  orgId: string;
  teamId: string | null;
  lineageId: string;
  version: number;
  templateKey: string | null;
  definition: ProcessDefinition;
}

export interface ProcessesRepository {
  get(orgId: string, id: string): Promise<Process | null>;
  /** The lineage's newest version, locked, so two revisions cannot both take the next number. */
  latestVersion(orgId: string, lineageId: string): Promise<Process | null>;
  insert(process: Process): Promise<Process>;
  /** Points every job on any version of the lineage at `toProcessId`. */
  repointJobs(orgId: string, fromLineageId: string, toProcessId: string): Promise<void>;
}
