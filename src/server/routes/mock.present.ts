import type { Rating } from '../../contracts/kits.js';
import type { MockRoundType } from '../../contracts/mock.js';
import { localTime } from '../../core/availability/availability.rules.js';
import { kitRoundOf } from '../../core/mock/mock.rules.js';
import { mockRoundName, mockVideoUrl } from '../../core/mock/mock-messages.js';
import type { Catalog } from '../../core/shared/ports.js';
import type { MockSessionRow } from '../../db/mock/mock.queries.js';
import { type PracticeContent, planItemsFor } from './practice.content.js';

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A session as one of its two people sees it, times in their own zone. */
export function presentMockSession(
  row: MockSessionRow,
  reader: 'candidate' | 'coach',
  catalog: Catalog,
  videoRoomBaseUrl: string,
  now: Date,
) {
  const roundType = row.round_type as MockRoundType;
  const kit = catalog.interviewKit(kitRoundOf[roundType]);
  const timezone = reader === 'coach' ? row.coach_zone : (row.candidate_zone ?? row.default_timezone);
  const names = new Map(kit?.focusAttributes.map((a) => [a.key, a.name]));
  const ratings = row.ratings ?? {};
  return {
    id: row.id,
    roundType,
    roundName: capitalised(mockRoundName(roundType, 'en')),
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    startsAtLocal: localTime(row.starts_at, timezone),
    timezone,
    status: row.status,
    begun: row.starts_at.getTime() <= now.getTime(),
    cancelReason: row.cancel_reason,
    videoUrl: mockVideoUrl(videoRoomBaseUrl, row.id),
    padId: row.pad_id,
    card:
      row.submitted_at && row.advice !== null
        ? {
            ratings: Object.entries(ratings).map(([key, rating]) => ({
              key,
              name: names.get(key) ?? key,
              rating: rating as Rating,
            })),
            advice: row.advice,
            submittedAt: row.submitted_at.toISOString(),
          }
        : null,
  };
}

/**
 * The round's kit for the practice interviewer: what it tests, the time plan and the attributes
 * the card rates are the hiring kit's; what to ask comes from the practice set, never the hiring
 * bank, whose questions must stay unseen by candidates until a real round.
 */
export function coachKit(roundType: MockRoundType, catalog: Catalog, practice: PracticeContent) {
  const kit = catalog.interviewKit(kitRoundOf[roundType]);
  return {
    purpose: kit?.purpose ?? '',
    focusAttributes: kit?.focusAttributes ?? [],
    questions: practiceQuestions(kitRoundOf[roundType], practice),
    timePlan: kit?.timePlan ?? [],
  };
}

/** The practice set's items for a round type, as questions a practice interviewer can ask. */
function practiceQuestions(roundType: string, practice: PracticeContent) {
  const prompts = new Map(practice.prompts.map((p) => [p.id, p]));
  return planItemsFor(practice, roundType).map((item) => {
    const prompt = prompts.get(item.slug);
    const explanation = practice.explanations.get(`${item.kind}:${item.slug}`);
    return {
      id: `${item.kind}:${item.slug}`,
      prompt: item.title,
      strongAnswer: prompt?.strongAnswer ?? explanation ?? '',
      weakAnswer: prompt?.weakAnswer ?? '',
    };
  });
}
