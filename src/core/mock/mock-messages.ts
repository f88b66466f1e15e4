import { interviewTime } from '../availability/availability.rules.js';
import type { OutboxMessage } from '../shared/types.js';
import type { MockSession, Parties } from './mock.port.js';

const roundNames = {
  en: {
    coding: 'coding',
    system_design: 'system design',
    behavioural: 'behavioural',
    product_sense: 'product sense',
    case_presentation: 'case presentation',
  },
  zh: {
    coding: '编程',
    system_design: '系统设计',
    behavioural: '行为',
    product_sense: '产品思维',
    case_presentation: '案例展示',
  },
} as const;

/** A mock round's name in a language, lower case, as a sentence uses it. */
export const mockRoundName = (type: MockSession['roundType'], language: string) =>
  roundNames[language === 'zh' ? 'zh' : 'en'][type];

/** The messages about mock sessions; the admin's mailbox shows their emails without their content. */
export const mockMessageKinds = ['mock.booked', 'mock.cancelled', 'candidate.mock_card_ready'] as const;

/**
 * A message about a mock session. It carries each side's time already written in their own zone
 * (there is no application, so the dispatcher has no interview of its own to format).
 */
export function mockMessage(
  kind: (typeof mockMessageKinds)[number],
  session: MockSession,
  parties: Parties,
  extra: { videoUrl: string; reason?: string },
): OutboxMessage {
  const when = { startsAt: session.startsAt, endsAt: session.endsAt };
  // Each email is written in its reader's language; the round's name follows the candidate's.
  const lang = parties.candidate.language === 'zh' ? 'zh' : 'en';
  return {
    orgId: session.orgId,
    kind,
    dedupeKey: `${kind}:${session.id}`,
    payload: {
      candidateId: session.candidateId,
      interviewerId: session.coachId,
      mockSessionId: session.id,
      roundName: roundNames[lang][session.roundType],
      orgName: parties.orgName,
      candidateName: parties.candidateName,
      coachName: parties.coachName,
      minutes: Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000),
      candidateTime: interviewTime(when, parties.candidate, []),
      coachTime: interviewTime(when, parties.coach, []),
      videoUrl: extra.videoUrl,
      reason: extra.reason ?? null,
    },
  };
}

/** The session's video room under the configured service: its own room, named by its id. */
export const mockVideoUrl = (roomBaseUrl: string, sessionId: string) => `${roomBaseUrl}mock-${sessionId}`;
