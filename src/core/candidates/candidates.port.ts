export interface CandidateInput {
  email: string;
  firstName: string;
  lastName: string;
  phone?: string | undefined;
  timezone?: string | undefined;
  resumeText?: string | undefined;
}

export interface Candidate {
  id: string;
  orgId: string;
  email: string;
  firstName: string;
  lastName: string;
}

export interface CandidatesRepository {
  /** Finds the org's record for this email (normalised) or creates it, and locks it for the transaction. */
  upsertAndLock(orgId: string, id: string, input: CandidateInput): Promise<Candidate>;
  lock(orgId: string, id: string): Promise<Candidate | null>;
  /**
   * Removes the candidate's personal data — name, contact, resume, files, answers, shared offers,
   * emails' contents — and their sessions; ids and the history stay.
   */
  erase(orgId: string, id: string, at: Date): Promise<void>;
}
