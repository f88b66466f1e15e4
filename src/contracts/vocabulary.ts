/** The process vocabulary as plain constants: shared by the core's rules and the Zod schemas. */

/** The five steps that hold rounds; the sixth step, the offer, follows the last round. */
export const steps = [
  'resume_screen',
  'recruiter_screen',
  'technical_screen',
  'interview_rounds',
  'hr_interview',
] as const;
export type Step = (typeof steps)[number];

export const roundTypes = [
  'resume_review',
  'recruiter_call',
  'coding',
  'system_design',
  'design_coding',
  'product_sense',
  'execution',
  'sql',
  'python',
  'statistics',
  'ml_fundamentals',
  'case_study',
  'behavioural',
  'cross_functional',
  'hiring_manager',
  'content_operations',
  'growth_operations',
  'hr',
] as const;

export const interviewFormats = ['async', 'video', 'audio', 'in_person'] as const;
export const deciders = ['hiring_manager', 'recruiter', 'hr'] as const;
export type Decider = (typeof deciders)[number];

export const employmentTypes = ['full_time', 'internship', 'contract'] as const;
export type EmploymentType = (typeof employmentTypes)[number];

export const offerStatuses = [
  'draft',
  'pending_approval',
  'approved',
  'sent',
  'accepted',
  'declined',
  'expired',
  'rescinded',
] as const;
export type OfferStatus = (typeof offerStatuses)[number];

export const offerComponents = ['base', 'equity', 'signOn', 'bonus', 'other'] as const;
export type OfferComponent = (typeof offerComponents)[number];
