import { describe, expect, it } from 'vitest';
import { consentErrors, questionsFor, unansweredQuestions } from '../../src/core/boards/boards.rules.js';

const internship = { internship: { term: 'Summer 2025', minimumWeeks: 12 } };

describe('board application form', () => {
  it('R-JOB-2: an internship asks whether the applicant can commit to its term; other jobs do not', () => {
    expect(questionsFor({}).map((q) => q.fields[0]!.name)).not.toContain('question_1');
    expect(questionsFor(internship).at(-1)).toMatchObject({
      required: true,
      label: 'Can you commit to at least 12 weeks during Summer 2025?',
      fields: [{ name: 'question_1', type: 'multi_value_single_select' }],
    });
  });

  it('names each required question left unanswered, once, by its first field', () => {
    const questions = questionsFor(internship);
    const all = new Set(['first_name', 'last_name', 'email', 'resume_text', 'question_1']);
    expect(unansweredQuestions(questions, all, [])).toEqual([]);
    expect(unansweredQuestions(questions, new Set(['first_name', 'last_name', 'email']), [])).toEqual([
      { field: 'resume', message: 'Resume/CV is required' },
      { field: 'question_1', message: expect.stringContaining('is required') },
    ]);
    // A field that already has an error (an unreadable file) is not reported again.
    const unreadable = [{ field: 'resume', message: 'cv.pdf: could not be read' }];
    expect(
      unansweredQuestions(questions, new Set([...all].filter((f) => f !== 'resume_text')), unreadable),
    ).toEqual([]);
  });

  it('asks consent to process the data only when the board keeps it for a retention period', () => {
    expect(consentErrors({ gdprRetentionDays: null }, undefined)).toEqual([]);
    expect(consentErrors({ gdprRetentionDays: 365 }, undefined)).toEqual([
      {
        field: 'data_compliance.gdpr_processing_consent_given',
        message: 'consent to process your data is required',
      },
    ]);
    for (const given of [true, 'true', '1'])
      expect(consentErrors({ gdprRetentionDays: 365 }, { gdpr_processing_consent_given: given })).toEqual([]);
    expect(consentErrors({ gdprRetentionDays: 365 }, { gdpr_consent_given: true })).toEqual([]);
    expect(
      consentErrors({ gdprRetentionDays: 365 }, { gdpr_processing_consent_given: 'false' }),
    ).toHaveLength(1);
  });
});
