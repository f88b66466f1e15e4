import type { BoardComplianceFields, SelfIdentification } from '../../contracts/compliance.js';
import type { DomainError } from '../../contracts/errors.js';
import {
  type CategoryKey,
  categoryKeys,
  categoryValues,
  DECLINED,
  demographicQuestionIds,
  eeocFieldCategory,
  eeocIds,
} from '../../contracts/vocabulary.js';
import { type Action, permissions } from '../shared/permissions.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { StaffRole } from '../shared/types.js';

/**
 * The actions that decide about a person: advancing, rejecting, hiring, voting, approving an
 * offer. A role holding any of them is a deciding role, and whoever holds one never reads
 * self-identification, even with `compliance.read` (ADR 0025). Admins approve offers, so an
 * admin who is also the compliance reader is refused too.
 */
export const decidingActions = [
  'application.decide',
  'application.add_round',
  'application.hire',
  'feedback.debrief',
  'committee.vote',
  'offer.approve',
] as const satisfies readonly Action[];

export const decidingRoles: readonly StaffRole[] = [
  ...new Set(decidingActions.flatMap((action) => permissions[action] as readonly StaffRole[])),
];

/** Refuses the adverse-impact report to a person who also holds a deciding role. */
export function mayReadSelfIdentification(
  roles: readonly StaffRole[],
): Result<true, DomainError<'compliance.deciding_role'>> {
  const deciding = roles.filter((role) => decidingRoles.includes(role));
  if (deciding.length === 0) return ok(true);
  return fail(
    'compliance.deciding_role',
    `Self-identification is never shown to anyone who decides about candidates; you also hold the ${deciding.join(', ')} role. Ask someone who holds only the compliance role.`,
    { decidingRoles: deciding },
  );
}

export interface FieldIssue {
  field: string;
  message: string;
}

const eeocFields = Object.keys(eeocIds) as (keyof typeof eeocIds)[];
const questionCategory = Object.fromEntries(
  Object.entries(demographicQuestionIds).map(([category, id]) => [id, category as CategoryKey]),
) as Record<number, CategoryKey>;

/** The value an EEOC id names in a category, or "declined" for the category's last id. */
function eeocValue(field: keyof typeof eeocIds, id: number): string | undefined {
  return (eeocIds[field] as Record<number, string>)[id];
}

/**
 * Self-identification from a board submission's Greenhouse fields: the EEOC ids at the top level
 * (`gender`, `race`, `veteran_status`, `disability_status`) and `demographic_answers`. Null when
 * the submission carries none. A category answered twice differently is refused, naming both.
 */
export function selfIdentificationFromBoard(
  fields: BoardComplianceFields,
): Result<SelfIdentification | null, FieldIssue[]> {
  const answers: Partial<Record<CategoryKey, string>> = {};
  const from: Partial<Record<CategoryKey, string>> = {};
  const issues: FieldIssue[] = [];
  const put = (category: CategoryKey, value: string, field: string) => {
    const earlier = answers[category];
    if (earlier !== undefined && earlier !== value) {
      issues.push({ field, message: `answers ${category} differently from ${from[category]}` });
      return;
    }
    answers[category] = value;
    from[category] = field;
  };
  for (const field of eeocFields) {
    const id = fields[field];
    if (id === undefined) continue;
    const value = eeocValue(field, id);
    if (value === undefined) issues.push({ field, message: 'must be one of the listed values' });
    else put(eeocFieldCategory[field], value, field);
  }
  (fields.demographic_answers ?? []).forEach((answer, i) => {
    const field = `demographic_answers[${i}]`;
    const category = questionCategory[answer.question_id];
    if (!category) {
      issues.push({ field: `${field}.question_id`, message: 'is not one of the listed questions' });
      return;
    }
    const option = answer.answer_options?.[0];
    if (!option) return;
    const prefix = demographicQuestionIds[category] * 100;
    const value = eeocValue(
      (Object.keys(eeocFieldCategory) as (keyof typeof eeocIds)[]).find(
        (f) => eeocFieldCategory[f] === category,
      )!,
      option.answer_option_id - prefix,
    );
    if (value === undefined || option.answer_option_id <= prefix) {
      issues.push({
        field: `${field}.answer_options[0].answer_option_id`,
        message: 'is not one of the listed answers',
      });
      return;
    }
    put(category, value, field);
  });
  if (issues.length > 0) return { ok: false, error: issues };
  if (Object.keys(answers).length === 0) return ok(null);
  return ok(answers as SelfIdentification);
}

/** Self-identification from the career site's form: each category a value, "declined", or left blank. */
export function selfIdentificationFromForm(
  fields: Record<string, string | undefined>,
): Result<SelfIdentification | null, FieldIssue[]> {
  const answers: Partial<Record<CategoryKey, string>> = {};
  const issues: FieldIssue[] = [];
  for (const category of categoryKeys) {
    const raw = fields[`self_id_${category}`]?.trim();
    if (!raw) continue;
    const allowed: readonly string[] = [...categoryValues[category], DECLINED];
    if (!allowed.includes(raw))
      issues.push({ field: `self_id_${category}`, message: 'must be one of the listed values' });
    else answers[category] = raw;
  }
  if (issues.length > 0) return { ok: false, error: issues };
  return ok(Object.keys(answers).length === 0 ? null : (answers as SelfIdentification));
}

/** An office's policy decides; a posting at several offices collects only when every one allows it. */
export function collectsSelfIdentification(
  officeIds: readonly string[],
  allowing: ReadonlySet<string>,
): boolean {
  return officeIds.length > 0 && officeIds.every((id) => allowing.has(id));
}
