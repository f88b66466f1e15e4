import type { Question, V1Job } from '../../contracts/boards.js';
import {
  type CategoryKey,
  categoryKeys,
  categoryLabels,
  categoryValues,
  DECLINED,
  demographicQuestionIds,
  eeocFieldCategory,
  eeocIds,
  valueLabels,
} from '../../contracts/compliance.js';

/**
 * What a posting tells and asks about fairness (ADR 0025): the notice that a matcher annotates
 * resumes with the way to opt out, and, where the posting's offices allow it, Greenhouse's
 * `compliance` and `demographic_questions` shapes for voluntary self-identification.
 */
export const screeningNoticeText =
  'We use an automated tool that reads resumes and marks, with quoted passages, where each of the job’s qualifications appears. It never advances or rejects anyone: people make every decision. You may opt out now or later in your candidate portal, and then no tool reads your resume.';

export const selfIdentificationIntro =
  'We invite applicants to self-identify so we can check that our hiring treats everyone fairly. Answering is voluntary, you may decline any question, and your answers are kept apart from your application: no one who decides about your application can see them.';

const declineLabel: Record<CategoryKey, string> = {
  sex: 'Decline to self-identify',
  race: 'Decline to self-identify',
  veteran: "I don't wish to answer",
  disability: "I don't wish to answer",
};
const fieldOf = Object.fromEntries(
  Object.entries(eeocFieldCategory).map(([field, category]) => [category, field]),
) as Record<CategoryKey, keyof typeof eeocIds>;

/** The (id, value) pairs of a category, in Greenhouse's id order, declining last. */
export function optionsOf(category: CategoryKey): { id: number; value: string; label: string }[] {
  return Object.entries(eeocIds[fieldOf[category]]).map(([id, value]) => ({
    id: Number(id),
    value,
    label: value === DECLINED ? declineLabel[category] : (valueLabels[value] ?? value),
  }));
}

export const screeningOptOutQuestion: Question = {
  required: false,
  label: 'Opt out of automated resume annotation',
  description: screeningNoticeText,
  fields: [
    {
      name: 'screening_opt_out',
      type: 'multi_value_single_select',
      values: [
        { value: 0, label: 'No, the tool may read my resume' },
        { value: 1, label: 'Yes, opt me out' },
      ],
    },
  ],
};

/** The job's `?questions=true` additions. */
export function complianceAdditions(
  collect: boolean,
): Pick<V1Job, 'compliance' | 'demographic_questions' | 'screening_notice'> {
  const notice = {
    screening_notice: { text: screeningNoticeText, opt_out_field: 'screening_opt_out' as const },
  };
  if (!collect) return notice;
  return {
    ...notice,
    compliance: [
      {
        type: 'eeoc',
        description: `<p>${selfIdentificationIntro}</p>`,
        questions: categoryKeys.map((category) => ({
          required: false,
          label: categoryLabels[category],
          fields: [
            {
              name: fieldOf[category],
              type: 'multi_value_single_select' as const,
              values: optionsOf(category).map((o) => ({ value: o.id, label: o.label })),
            },
          ],
        })),
      },
    ],
    demographic_questions: {
      header: 'Voluntary self-identification',
      description: `<p>${selfIdentificationIntro}</p>`,
      questions: categoryKeys.map((category) => ({
        id: demographicQuestionIds[category],
        label: categoryLabels[category],
        required: false,
        type: 'multi_value_single_select' as const,
        answer_options: optionsOf(category).map((o) => ({
          id: demographicQuestionIds[category] * 100 + o.id,
          label: o.label,
          free_form: false,
        })),
      })),
    },
  };
}

/** The career site's voluntary section: one select per category, each with a way to decline. */
export function selfIdentificationSection(esc: (s: string) => string, values: Record<string, unknown>) {
  const selects = categoryKeys
    .map((category) => {
      const name = `self_id_${category}`;
      const chosen = typeof values[name] === 'string' ? values[name] : '';
      const options = [...categoryValues[category], DECLINED]
        .map((value) => {
          const label = value === DECLINED ? declineLabel[category] : (valueLabels[value] ?? value);
          return `<option value="${value}"${chosen === value ? ' selected' : ''}>${esc(label)}</option>`;
        })
        .join('');
      return `<label for="f-${name}">${esc(categoryLabels[category])}</label><select id="f-${name}" name="${name}"><option value="">Not answered</option>${options}</select>`;
    })
    .join('');
  return `<fieldset class="self-id"><legend>Voluntary self-identification</legend><p class="hint">${esc(selfIdentificationIntro)}</p>${selects}</fieldset>`;
}

/** The career site's notice and opt-out checkbox. */
export function screeningNoticeSection(esc: (s: string) => string, values: Record<string, unknown>) {
  const checked = values.screening_opt_out === 'true' || values.screening_opt_out === 'on' ? ' checked' : '';
  return `<fieldset class="screening-notice"><legend>Automated resume annotation</legend><p id="screening-notice">${esc(screeningNoticeText)}</p><label><input type="checkbox" name="screening_opt_out" value="true" aria-describedby="screening-notice"${checked}> Opt me out: no automated tool reads my resume</label></fieldset>`;
}
