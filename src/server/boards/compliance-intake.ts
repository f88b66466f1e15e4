import type { FieldError } from '../../contracts/boards.js';
import { boardComplianceFields, type SelfIdentification } from '../../contracts/compliance.js';
import {
  collectsSelfIdentification,
  selfIdentificationFromBoard,
  selfIdentificationFromForm,
} from '../../core/compliance/compliance.rules.js';
import type { LivePost } from '../../db/boards/boards.queries.js';
import { complianceQueries } from '../../db/compliance/compliance.queries.js';
import type { AppContext } from '../context.js';

export type ComplianceIntake =
  | { ok: true; self: SelfIdentification | null; optOut: boolean }
  | { ok: false; errors: FieldError[]; notCollected: boolean };

const selfIdFields = [
  'gender',
  'race',
  'veteran_status',
  'disability_status',
  'demographic_answers',
  'self_id_sex',
  'self_id_race',
  'self_id_veteran',
  'self_id_disability',
];

/**
 * The self-identification and opt-out a submission carries, from the board API's Greenhouse fields
 * or the career site's form. Self-identification is refused, naming the fields, where the posting's
 * offices do not allow collecting it (ADR 0025).
 */
export async function readComplianceFields(
  ctx: AppContext,
  orgId: string,
  post: LivePost,
  fields: Record<string, unknown>,
): Promise<ComplianceIntake> {
  const parsed = boardComplianceFields.safeParse(fields);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    return { ok: false, errors, notCollected: false };
  }
  const board = selfIdentificationFromBoard(parsed.data);
  const form = selfIdentificationFromForm(fields as Record<string, string | undefined>);
  const errors = [...(board.ok ? [] : board.error), ...(form.ok ? [] : form.error)];
  if (errors.length > 0) return { ok: false, errors, notCollected: false };
  const self = (board.ok && board.value) || (form.ok && form.value) || null;
  const optOut = [true, 'true', '1', 'on'].includes(parsed.data.screening_opt_out as never);
  const allowing = self ? await complianceQueries(ctx.db).allowingOffices(orgId) : new Set<string>();
  if (self && !collectsSelfIdentification(post.office_ids, allowing)) {
    const given = selfIdFields.filter((f) => fields[f] !== undefined && fields[f] !== '');
    const message = 'this posting does not collect self-identification';
    return { ok: false, errors: given.map((field) => ({ field, message })), notCollected: true };
  }
  return { ok: true, self, optOut };
}
