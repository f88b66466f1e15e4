import { assessmentStatus } from '../../core/assessments/assessment.rules.js';
import type { AssessmentItem } from '../../core/assessments/assessments.port.js';
import type {
  AnswerView,
  AssessmentsQueries,
  AssessmentView,
  TimelineView,
} from '../../db/assessments/assessments.queries.js';
import type { Grading } from '../problems.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;
const clockOf = (row: AssessmentView) => ({
  startBy: row.start_by,
  startedAt: row.started_at,
  deadlineAt: row.deadline_at,
  submittedAt: row.submitted_at,
});

/** Assessments shaped for the API, from the read model and the shipped problems. */
export function assessmentPresenter(reads: AssessmentsQueries, grading: Grading) {
  const { problems } = grading;
  const titleOf = (item: AssessmentItem) =>
    (item.kind === 'coding'
      ? problems.coding.get(item.slug)
      : item.kind === 'sql'
        ? problems.sql.get(item.slug)
        : problems.caseStudies.get(item.slug)
    )?.title ?? item.slug;

  const answerOf = (id: string, index: number, answer: AnswerView | undefined) =>
    answer
      ? {
          language: answer.language,
          code: answer.code,
          savedAt: answer.saved_at.toISOString(),
          grade: answer.grade,
          file:
            answer.filename && answer.size_bytes !== null
              ? {
                  filename: answer.filename,
                  sizeBytes: answer.size_bytes,
                  url: `/api/assessments/${id}/items/${index}/file`,
                }
              : null,
        }
      : null;

  const timelineOf = (events: TimelineView[]) =>
    events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, item: e.item_index, detail: e.detail }));

  /** What the hiring team reads: score, each answer's code and grade, the timeline. */
  async function staff(row: AssessmentView, now: Date) {
    const [answers, timeline] = await Promise.all([reads.answers(row.id), reads.timeline(row.id)]);
    return {
      id: row.id,
      applicationId: row.application_id,
      status: assessmentStatus(clockOf(row), now),
      durationMinutes: row.duration_minutes,
      startBy: row.start_by.toISOString(),
      startedAt: iso(row.started_at),
      deadlineAt: iso(row.deadline_at),
      submittedAt: iso(row.submitted_at),
      scorePercent: row.score_percent,
      createdAt: row.created_at.toISOString(),
      items: row.items.map((item, index) => ({
        kind: item.kind,
        slug: item.slug,
        title: titleOf(item),
        answer: answerOf(
          row.id,
          index,
          answers.find((a) => a.item_index === index),
        ),
      })),
      timeline: timelineOf(timeline),
    };
  }

  /** What the candidate sees: the problems without hidden tests (none before the start), the clock, their work. */
  async function candidate(row: AssessmentView, now: Date) {
    const answers = row.started_at ? await reads.answers(row.id) : [];
    // The problems stay hidden until the clock starts.
    const shown = row.started_at !== null;
    return {
      companyName: row.company_name,
      jobTitle: row.job_title,
      status: assessmentStatus(clockOf(row), now),
      durationMinutes: row.duration_minutes,
      startBy: row.start_by.toISOString(),
      startedAt: iso(row.started_at),
      deadlineAt: iso(row.deadline_at),
      serverNow: now.toISOString(),
      items: row.items.map((item, index) => {
        const saved = answers.find((a) => a.item_index === index);
        const coding = item.kind === 'coding' ? problems.coding.get(item.slug) : undefined;
        const question = item.kind === 'sql' ? problems.sql.get(item.slug) : undefined;
        const study = item.kind === 'case_study' ? problems.caseStudies.get(item.slug) : undefined;
        return {
          kind: item.kind,
          title: titleOf(item),
          difficulty: (coding ?? question)?.difficulty ?? 'medium',
          statement: shown ? ((coding ?? question)?.statement ?? study?.brief ?? '') : '',
          constraints: shown ? (coding?.constraints ?? study?.asks ?? []) : [],
          deliverable: study?.deliverable ?? '',
          highlighting: coding?.highlighting ?? false,
          languages: [...grading.languages(item)],
          starter: (shown ? (coding?.starter ?? { sql: '' }) : {}) as Record<string, string>,
          examples: shown ? (coding?.examples ?? []) : [],
          saved: saved
            ? { language: saved.language, code: saved.code, savedAt: saved.saved_at.toISOString() }
            : null,
        };
      }),
    };
  }

  /** The shipped problems an assessment can use. */
  function problemList() {
    const summary = (p: {
      slug: string;
      title: string;
      difficulty: 'easy' | 'medium' | 'hard';
      topics: string[];
      minutes: number;
    }) => ({ slug: p.slug, title: p.title, difficulty: p.difficulty, topics: p.topics, minutes: p.minutes });
    return [
      ...[...problems.coding.values()].map((p) => ({ kind: 'coding' as const, ...summary(p) })),
      ...[...problems.sql.values()].map((q) => ({ kind: 'sql' as const, ...summary(q) })),
      ...[...problems.caseStudies.values()].map((c) => ({
        kind: 'case_study' as const,
        slug: c.slug,
        title: c.title,
        difficulty: 'medium' as const,
        topics: [c.audience],
        minutes: c.daysToDeliver * 24 * 60,
      })),
    ];
  }

  return { staff, candidate, problemList };
}
