import type { FieldError, Question } from '../../contracts/boards.js';

interface Posting {
  internship?: { term: string; minimumWeeks: number };
}

const yesNo = [
  { value: 1, label: 'Yes' },
  { value: 0, label: 'No' },
];

/**
 * The application form of a post, as boards and the career site ask it: the standard fields, plus,
 * for an internship, whether the applicant can commit to its term (R-JOB-2).
 */
export function questionsFor(posting: Record<string, unknown>): Question[] {
  const questions: Question[] = [
    { required: true, label: 'First Name', fields: [{ name: 'first_name', type: 'input_text' }] },
    { required: true, label: 'Last Name', fields: [{ name: 'last_name', type: 'input_text' }] },
    { required: true, label: 'Email', fields: [{ name: 'email', type: 'input_text' }] },
    { required: false, label: 'Phone', fields: [{ name: 'phone', type: 'input_text' }] },
    {
      required: true,
      label: 'Resume/CV',
      description: 'PDF, DOCX or plain text, up to 10 MB; or paste it as text.',
      fields: [
        { name: 'resume', type: 'input_file' },
        { name: 'resume_text', type: 'textarea' },
      ],
    },
    {
      required: false,
      label: 'Cover Letter',
      fields: [
        { name: 'cover_letter', type: 'input_file' },
        { name: 'cover_letter_text', type: 'textarea' },
      ],
    },
  ];
  const internship = (posting as Posting).internship;
  if (internship) {
    questions.push({
      required: true,
      label: `Can you commit to at least ${internship.minimumWeeks} weeks during ${internship.term}?`,
      fields: [{ name: 'question_1', type: 'multi_value_single_select', values: yesNo }],
    });
  }
  return questions;
}

/**
 * Required questions with no answer in any of their fields. Greenhouse does not enforce `required`;
 * we do. A question whose field already has an error is not reported twice.
 */
export function unansweredQuestions(
  questions: Question[],
  answered: ReadonlySet<string>,
  errors: FieldError[],
): FieldError[] {
  return questions
    .filter((q) => q.required)
    .flatMap((question) => {
      const names = question.fields.map((f) => f.name);
      const seen = names.some((name) => answered.has(name)) || errors.some((e) => names.includes(e.field));
      return seen ? [] : [{ field: names[0]!, message: `${question.label} is required` }];
    });
}

const given = (v: unknown) => v === true || v === 'true' || v === '1';

/** Greenhouse's `gdpr_retention_consent_given`: the applicant agrees to be kept for future jobs. */
export const futureJobsConsent = (consent: Record<string, unknown> | undefined) =>
  given(consent?.gdpr_retention_consent_given);

/** A board that keeps applicants' data for a retention period asks their consent to process it. */
export function consentErrors(
  board: { gdprRetentionDays: number | null },
  consent: Record<string, unknown> | undefined,
): FieldError[] {
  if (board.gdprRetentionDays === null) return [];
  if (given(consent?.gdpr_processing_consent_given) || given(consent?.gdpr_consent_given)) return [];
  return [
    {
      field: 'data_compliance.gdpr_processing_consent_given',
      message: 'consent to process your data is required',
    },
  ];
}
