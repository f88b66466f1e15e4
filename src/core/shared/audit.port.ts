import type { AuditEntry } from './types.js';

/** The audit log every module writes to: each change leaves one entry, in its own transaction. */
export interface AuditRepository {
  record(entry: AuditEntry): Promise<void>;
  /** Many entries in one statement, in the order given. */
  recordMany(entries: AuditEntry[]): Promise<void>;
}
