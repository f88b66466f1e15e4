import type { z } from 'zod';
import type * as Mock from '../contracts/mock';
import type * as Practice from '../contracts/practice';

type Items<S extends z.ZodType> = z.ZodObject<{ items: z.ZodArray<S> }>;

/** The practice space's and mock interviews' routes, in the shape of `Endpoints` (endpoints.ts). */
export interface PracticeEndpoints {
  // ---- practice
  'GET /api/me/practice': { response: typeof Practice.practiceSpaceSchema };
  'POST /api/me/practice/{kind}/{slug}/run': {
    body: typeof Practice.practiceAnswerBody;
    response: typeof Practice.practiceGradeSchema;
  };
  'POST /api/me/practice/{kind}/{slug}/timed': { response: typeof Practice.timedPracticeSchema };
  'POST /api/me/practice/timed/{id}/submit': {
    body: typeof Practice.practiceAnswerBody;
    response: typeof Practice.timedResultSchema;
  };
  'POST /api/me/practice/plan': {
    body: typeof Practice.planBody;
    response: typeof Practice.practicePlanSchema;
  };
  'DELETE /api/me/practice/plan': { response: z.ZodObject<{ ended: z.ZodBoolean }> };
  'PUT /api/me/practice/plan/ticks': {
    body: typeof Practice.planTickBody;
    response: typeof Practice.practicePlanSchema;
  };
  'GET /api/organisation/practice-link': { response: typeof Practice.practiceLinkSchema };
  'PUT /api/organisation/practice-link': {
    body: typeof Practice.practiceLinkBody;
    response: typeof Practice.practiceLinkSchema;
  };
  'GET /api/practice/{token}': { response: typeof Practice.practiceSpaceSchema };
  'POST /api/practice/{token}/{kind}/{slug}/run': {
    body: typeof Practice.practiceAnswerBody;
    response: typeof Practice.practiceGradeSchema;
  };
  'POST /api/practice/{token}/{kind}/{slug}/submit': {
    body: typeof Practice.practiceAnswerBody;
    response: typeof Practice.publicResultSchema;
  };

  // ---- mock interviews
  'GET /api/me/mock': { response: typeof Mock.portalMockResponse };
  'GET /api/me/mock/slots': { query: typeof Mock.slotsQuery; response: typeof Mock.slotsResponse };
  'POST /api/me/mock/sessions': { body: typeof Mock.bookMockBody; response: typeof Mock.candidateMockSchema };
  'POST /api/me/mock/sessions/{id}/cancel': {
    body: typeof Mock.cancelMockBody;
    response: typeof Mock.candidateMockSchema;
  };
  'POST /api/me/mock/sessions/{id}/no-show': { response: typeof Mock.candidateMockSchema };
  'GET /api/mock/settings': { response: typeof Mock.mockSettingsSchema };
  'PUT /api/mock/settings': {
    body: typeof Mock.mockSettingsSchema;
    response: typeof Mock.mockSettingsSchema;
  };
  'GET /api/mock/coach': { response: typeof Mock.coachProfileSchema };
  'PUT /api/mock/coach': { body: typeof Mock.coachProfileSchema; response: typeof Mock.coachProfileSchema };
  'GET /api/mock/sessions': { response: Items<typeof Mock.coachMockSchema> };
  'GET /api/mock/sessions/{id}': { response: typeof Mock.coachMockSchema };
  'POST /api/mock/sessions/{id}/pad': {
    body: typeof Mock.mockPadBody;
    response: typeof Mock.coachMockSchema;
  };
  'POST /api/mock/sessions/{id}/cancel': {
    body: typeof Mock.cancelMockBody;
    response: typeof Mock.coachMockSchema;
  };
  'POST /api/mock/sessions/{id}/no-show': { response: typeof Mock.coachMockSchema };
  'POST /api/mock/sessions/{id}/card': {
    body: typeof Mock.coachingCardBody;
    response: typeof Mock.coachMockSchema;
  };
}
