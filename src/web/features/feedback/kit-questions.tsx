import { useState } from 'react';
import type { z } from 'zod';
import type { kitResponse } from '../../../contracts/feedback';

type KitAnswer = z.infer<typeof kitResponse>;
type Kit = NonNullable<KitAnswer['kit']>;

export interface KitQuestion {
  id: string;
  prompt: string;
  strongAnswer: string;
  weakAnswer: string;
  topic?: string | undefined;
  proposed: boolean;
  askedElsewhere: boolean;
}

/** The kit's questions, the ones proposed for this interviewer first in their order, then the rest. */
export function kitQuestions(kit: Kit, proposal: KitAnswer['proposal']): KitQuestion[] {
  const proposed = proposal?.questionIds ?? [];
  const elsewhere = new Set(proposal?.askedElsewhereIds ?? []);
  const rank = (id: string) => (proposed.includes(id) ? proposed.indexOf(id) : proposed.length);
  return kit.questions
    .map((q) => ({
      id: q.id,
      prompt: q.prompt,
      strongAnswer: q.strongAnswer,
      weakAnswer: q.weakAnswer,
      topic: q.topic,
      proposed: proposed.includes(q.id),
      askedElsewhere: elsewhere.has(q.id),
    }))
    .sort((a, b) => rank(a.id) - rank(b.id));
}

function Marks({ q }: { q: KitQuestion }) {
  return (
    <>
      {q.proposed && <span className="badge">Proposed</span>}
      {q.askedElsewhere && <span className="tag">Asked in another interview</span>}
      {q.topic && <span className="tag">{q.topic}</span>}
    </>
  );
}

function QuestionDetails({ q }: { q: KitQuestion }) {
  return (
    <details>
      <summary>
        {q.prompt} <Marks q={q} />
      </summary>
      <p>
        <strong>Strong:</strong> {q.strongAnswer}
      </p>
      <p>
        <strong>Weak:</strong> {q.weakAnswer}
      </p>
    </details>
  );
}

/** The kit's questions: proposed ones first and marked, every other one still there to open. */
export function KitQuestionList({ questions }: { questions: KitQuestion[] }) {
  const proposed = questions.filter((q) => q.proposed);
  const others = questions.filter((q) => !q.proposed);
  return (
    <>
      <h3>Proposed questions</h3>
      {proposed.length === 0 ? (
        <p className="meta">Every question of this kit was asked in another interview of this candidate.</p>
      ) : (
        <>
          <p className="meta">
            Not asked of this candidate before, and not proposed to the other interviewers: start here.
          </p>
          {proposed.map((q) => (
            <QuestionDetails key={q.id} q={q} />
          ))}
        </>
      )}
      <h3>More questions</h3>
      {others.map((q) => (
        <QuestionDetails key={q.id} q={q} />
      ))}
    </>
  );
}

/** Ticks for the questions asked, proposed ones in view, the others one click away. */
export function AskedQuestions({
  questions,
  asked,
  onChange,
  error,
}: {
  questions: KitQuestion[];
  asked: string[];
  onChange: (asked: string[]) => void;
  error?: string | undefined;
}) {
  // What was ticked when the page opened stays in view; a new tick does not move its question away.
  const [pinned] = useState(() => new Set(asked));
  if (questions.length === 0) return null;
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...asked.filter((a) => a !== id), id] : asked.filter((a) => a !== id));
  const box = (q: KitQuestion) => (
    <div key={q.id}>
      <label className="inline">
        <input
          type="checkbox"
          checked={asked.includes(q.id)}
          onChange={(e) => toggle(q.id, e.target.checked)}
        />{' '}
        {q.prompt} <Marks q={q} />
      </label>
    </div>
  );
  const shown = questions.filter((q) => q.proposed || pinned.has(q.id));
  const rest = questions.filter((q) => !shown.includes(q));
  return (
    <fieldset className="asked-questions">
      <legend>Questions you asked</legend>
      <span className="hint">Later interviewers of this candidate are not proposed them again.</span>
      {shown.map(box)}
      {rest.length > 0 && (
        <details>
          <summary>Other questions of the kit ({rest.length})</summary>
          {rest.map(box)}
        </details>
      )}
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}
