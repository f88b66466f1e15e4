import type { z } from 'zod';
import type * as Accounts from '../contracts/accounts';
import type * as Applications from '../contracts/applications';
import type * as Assessments from '../contracts/assessments';
import type * as Boards from '../contracts/boards';
import type * as Candidates from '../contracts/candidates';
import type * as Common from '../contracts/common';
import type * as Feedback from '../contracts/feedback';
import type * as Inbox from '../contracts/inbox';
import type * as Jobs from '../contracts/jobs';
import type * as Merges from '../contracts/merges';
import type * as Messages from '../contracts/messages';
import type * as Notes from '../contracts/notes';
import type * as Notifications from '../contracts/notifications';
import type * as Offers from '../contracts/offers';
import type * as Organisation from '../contracts/organisation';
import type * as Pads from '../contracts/pads';
import type * as Portal from '../contracts/portal';
import type * as Processes from '../contracts/processes';
import type * as Retention from '../contracts/retention';
import type * as Scheduling from '../contracts/scheduling';
import type * as Screening from '../contracts/screening';
import type * as Search from '../contracts/search';
import type * as Security from '../contracts/security';
import type * as Tags from '../contracts/tags';
import type * as Views from '../contracts/views';
import type * as Workspace from '../contracts/workspace';
import type { ComplianceEndpoints } from './endpoints-compliance';
import type { PracticeEndpoints } from './endpoints-practice';

/** `{ items: [...] }`, the answer of a list that is not paged. */
type Items<S extends z.ZodType> = z.ZodObject<{ items: z.ZodArray<S> }>;
/** `{ items, nextCursor }`, a cursor-paged list. */
type Paged<S extends z.ZodType> = ReturnType<typeof Common.page<S>>;
/** No content (204). */
type Nothing = z.ZodNull;

/**
 * Every route the web app calls, keyed "METHOD /path/{param}", with the schemas the server declares
 * for it (`schema: { querystring, body, response }` in src/server/routes). Types only: the bundle
 * carries no Zod. Bodies are typed by what the schema accepts (`z.input`), answers by what it gives
 * (`z.output`), so a contract change the app does not follow fails `tsc -p src/web`.
 */
export interface Endpoints extends PracticeEndpoints, ComplianceEndpoints {
  // ---- accounts
  /** 204 with a session; 200 when a second factor or an enrolment must come first. */
  'POST /api/auth/login': {
    body: typeof Accounts.loginBody;
    response: typeof Security.signInStepResponse | Nothing;
  };
  'POST /api/auth/mfa/totp': { body: typeof Security.codeBody; response: Nothing };
  'POST /api/auth/mfa/recovery-code': { body: typeof Security.codeBody; response: Nothing };
  'POST /api/auth/mfa/passkey/options': { response: typeof Security.webauthnOptionsResponse };
  'POST /api/auth/mfa/passkey': { body: typeof Security.passkeyResponseBody; response: Nothing };
  'POST /api/auth/passkey/options': {
    body: typeof Security.passkeyAloneOptionsBody;
    response: typeof Security.webauthnOptionsResponse;
  };
  'POST /api/auth/passkey': { body: typeof Security.passkeyResponseBody; response: Nothing };
  'GET /api/account/mfa': { response: typeof Security.myFactorsResponse };
  'POST /api/account/mfa/totp': { response: typeof Security.totpEnrolmentResponse };
  'POST /api/account/mfa/totp/confirm': {
    body: typeof Security.codeBody;
    response: typeof Security.recoveryCodesResponse;
  };
  'DELETE /api/account/mfa/totp': { response: Nothing };
  'POST /api/account/mfa/passkeys/options': { response: typeof Security.webauthnOptionsResponse };
  'POST /api/account/mfa/passkeys': {
    body: typeof Security.passkeyResponseBody;
    response: typeof Security.recoveryCodesResponse;
  };
  'DELETE /api/account/mfa/passkeys/{id}': { response: Nothing };
  'POST /api/account/mfa/recovery-codes': { response: typeof Security.recoveryCodesResponse };
  'GET /api/sso/provider': {
    query: typeof Security.providerQuery;
    response: typeof Security.providerResponse;
  };
  'POST /api/users/{id}/mfa/reset': { response: typeof Security.resetMfaResponse };
  'GET /api/sso/connection': { response: typeof Security.ssoConnectionResponse };
  'PUT /api/sso/connection': {
    body: typeof Security.ssoConnectionBody;
    response: typeof Security.ssoConnectionResponse;
  };
  'GET /api/sso/group-mappings': { response: typeof Security.groupMappingsResponse };
  'PUT /api/sso/group-mappings': {
    body: typeof Security.groupMappingsBody;
    response: typeof Security.groupMappingsResponse;
  };
  'GET /api/security/policy': { response: typeof Security.securityPolicySchema };
  'PUT /api/security/policy': {
    body: typeof Security.securityPolicySchema;
    response: typeof Security.savedPolicyResponse;
  };
  'GET /api/scim-tokens': { response: typeof Security.scimTokensResponse };
  'POST /api/scim-tokens': {
    body: typeof Security.scimTokenBody;
    response: typeof Security.newScimTokenResponse;
  };
  'DELETE /api/scim-tokens/{id}': { response: Nothing };
  'POST /api/auth/logout': { response: Nothing };
  'GET /api/auth/me': { response: typeof Accounts.meResponse };
  /** 204 (no body) when nobody is signed in. */
  'GET /api/auth/session': { response: typeof Accounts.meResponse | Nothing };
  'POST /api/auth/candidate-links': {
    body: typeof Accounts.candidateLinkBody;
    response: typeof Accounts.candidateLinkResponse;
  };
  'POST /api/auth/candidate-links/redeem': { body: typeof Accounts.redeemLinkBody; response: Nothing };
  'GET /api/auth/sessions': { response: typeof Accounts.sessionsResponse };
  'DELETE /api/auth/sessions/{id}': { response: Nothing };
  'POST /api/auth/sessions/end-others': { response: typeof Accounts.endedSessionsResponse };
  'POST /api/auth/password': {
    body: typeof Accounts.changePasswordBody;
    response: typeof Accounts.endedSessionsResponse;
  };
  'POST /api/auth/password-resets': {
    body: typeof Accounts.passwordResetRequestBody;
    response: typeof Accounts.candidateLinkResponse;
  };
  'POST /api/auth/password-resets/redeem': {
    body: typeof Accounts.passwordResetBody;
    response: typeof Accounts.endedSessionsResponse;
  };
  'GET /api/auth/tokens': { response: typeof Accounts.tokenListResponse };
  'POST /api/auth/tokens': {
    body: typeof Accounts.createTokenBody;
    response: typeof Accounts.createdTokenResponse;
  };
  'DELETE /api/auth/tokens/{id}': { response: Nothing };
  'GET /api/tokens': { response: typeof Accounts.tokenListResponse };
  'POST /api/tokens': {
    body: typeof Accounts.createTokenBody;
    response: typeof Accounts.createdTokenResponse;
  };
  'DELETE /api/tokens/{id}': { response: Nothing };
  'GET /api/audit-events': { query: typeof Accounts.auditQuery; response: typeof Accounts.auditListResponse };

  // ---- organisation
  'GET /api/teams': { response: Items<typeof Organisation.teamSchema> };
  'GET /api/offices': { response: Items<typeof Organisation.officeSchema> };
  'POST /api/teams': { body: typeof Organisation.createTeamBody; response: typeof Organisation.teamSchema };
  'GET /api/users': { query: typeof Accounts.userListQuery; response: typeof Accounts.userListResponse };
  'GET /api/users/{id}': { response: typeof Accounts.staffUserSchema };
  'POST /api/users': { body: typeof Organisation.createUserBody; response: typeof Organisation.userSchema };
  'PATCH /api/users/{id}': {
    body: typeof Accounts.updateUserBody;
    response: typeof Accounts.staffUserSchema;
  };
  'POST /api/users/{id}/disable': { response: typeof Accounts.disabledUserResponse };
  'POST /api/users/{id}/enable': { response: typeof Accounts.enabledUserResponse };
  'GET /api/policies': { response: Items<typeof Organisation.policySchema> };
  'PUT /api/policies/{jobFamily}': {
    body: typeof Organisation.putPolicyBody;
    response: typeof Organisation.policySchema;
  };

  // ---- processes
  'GET /api/templates': { response: Items<typeof Processes.templateSummary> };
  'GET /api/processes': { response: Items<typeof Processes.processSchema> };
  'POST /api/processes': {
    body: typeof Processes.adoptTemplateBody;
    response: typeof Processes.processSchema;
  };
  'PUT /api/processes/{id}': {
    body: typeof Processes.reviseProcessBody;
    response: typeof Processes.processSchema;
  };

  // ---- boards
  'GET /api/boards': { response: Items<typeof Boards.boardSchema> };
  'POST /api/boards': { body: typeof Boards.createBoardBody; response: typeof Boards.boardSchema };
  'POST /api/boards/{id}/rotate-key': { response: typeof Boards.boardSchema };

  // ---- notifications
  'GET /api/message-templates': { response: Items<typeof Notifications.templateItem> };
  'PUT /api/message-templates/{key}/{language}': {
    body: typeof Notifications.templateBody;
    response: typeof Notifications.templateItem;
  };
  'POST /api/message-templates/{key}/{language}/preview': {
    body: typeof Notifications.previewBody;
    response: typeof Notifications.previewResponse;
  };
  'GET /api/webhooks': { response: Items<typeof Notifications.webhookSchema> };
  'POST /api/webhooks': {
    body: typeof Notifications.webhookBody;
    response: typeof Notifications.webhookSchema;
  };
  'PATCH /api/webhooks/{id}': {
    body: typeof Notifications.webhookPatch;
    response: typeof Notifications.webhookSchema;
  };

  // ---- jobs
  'GET /api/jobs': { query: typeof Jobs.jobListQuery; response: Paged<typeof Jobs.jobListItem> };
  'GET /api/jobs/{id}': { response: typeof Jobs.jobSchema };
  'POST /api/jobs': { body: typeof Jobs.createJobBody; response: typeof Jobs.jobSchema };
  'PATCH /api/jobs/{id}': { body: typeof Jobs.updateJobBody; response: typeof Jobs.jobSchema };
  'POST /api/jobs/{id}/transitions': { body: typeof Jobs.jobTransitionBody; response: typeof Jobs.jobSchema };

  // ---- screening (ADR 0025)
  'GET /api/jobs/{id}/screening/criteria': { response: typeof Screening.criteriaList };
  'PUT /api/jobs/{id}/screening/criteria': {
    body: typeof Screening.replaceCriteriaBody;
    response: typeof Screening.criteriaList;
  };
  'GET /api/jobs/{id}/screening/settings': { response: typeof Screening.jobScreeningSettings };
  'PUT /api/jobs/{id}/screening/settings': {
    body: typeof Screening.jobScreeningSettingsBody;
    response: typeof Screening.jobScreeningSettings;
  };
  'GET /api/screening/settings': { response: typeof Screening.orgScreeningSettings };
  'PUT /api/screening/settings': {
    body: typeof Screening.orgScreeningSettings;
    response: typeof Screening.orgScreeningSettings;
  };
  'GET /api/applications/{id}/screening': { response: typeof Screening.screeningEvidence };

  // ---- applications and candidates
  'GET /api/applications': {
    query: typeof Applications.applicationListQuery;
    response: Paged<typeof Applications.applicationListItem>;
  };
  'GET /api/applications/{id}': { response: typeof Applications.applicationDetail };
  'GET /api/applications/{id}/timeline': { response: Items<typeof Applications.timelineEvent> };
  'POST /api/applications/{id}/decisions': {
    body: typeof Applications.decideBody;
    response: typeof Applications.applicationDetail;
  };
  'POST /api/applications/bulk-decisions': {
    body: typeof Applications.bulkDecideBody;
    response: typeof Applications.bulkDecideResponse;
  };
  'POST /api/decisions/{id}/undo': { response: typeof Applications.applicationDetail };
  'POST /api/decisions/undo': {
    body: typeof Applications.bulkUndoBody;
    response: typeof Applications.bulkUndoResponse;
  };
  'POST /api/applications/{id}/rounds': {
    body: typeof Applications.addRoundBody;
    response: typeof Applications.applicationDetail;
  };
  // ---- retention (admins), and the candidate's consent to future jobs
  'GET /api/retention/policies': { response: typeof Retention.retentionPoliciesSchema };
  'PUT /api/retention/policies/{officeId}': {
    body: typeof Retention.retentionPolicyInput;
    response: typeof Retention.retentionPolicySchema;
  };
  'GET /api/retention/holds': { query: typeof Retention.holdListQuery; response: typeof Retention.holdPage };
  'POST /api/retention/holds': { body: typeof Retention.holdInput; response: typeof Retention.holdSchema };
  'POST /api/retention/holds/{id}/release': { response: typeof Retention.holdSchema };
  'POST /api/retention/dry-run': { response: typeof Retention.dryRunSchema };
  'POST /api/retention/purge': { body: typeof Retention.purgeInput; response: typeof Retention.dryRunSchema };
  'GET /api/retention/runs': { query: typeof Retention.runQuery; response: typeof Retention.runPage };
  'GET /api/retention/runs/{id}': { response: typeof Retention.dryRunSchema };
  'GET /api/me/consent': { response: typeof Retention.consentSchema };
  'POST /api/me/consent': { response: typeof Retention.consentSchema };
  'DELETE /api/me/consent': { response: typeof Retention.consentSchema };
  // ---- notes, tags, views, search, inbox, merges
  'GET /api/notes': { query: typeof Notes.noteListQuery; response: typeof Notes.noteListSchema };
  'POST /api/notes': { body: typeof Notes.noteInput; response: typeof Notes.noteSchema };
  'PATCH /api/notes/{id}': { body: typeof Notes.noteEdit; response: typeof Notes.noteSchema };
  'GET /api/notes/{id}/revisions': { response: Items<typeof Notes.noteRevisionSchema> };
  'GET /api/notes/mentionable': {
    query: z.ZodObject<{ q: z.ZodOptional<z.ZodString> }>;
    response: Items<z.ZodObject<{ id: z.ZodString; name: z.ZodString; email: z.ZodString }>>;
  };
  'GET /api/tags': { response: Items<typeof Tags.tagSchema> };
  'POST /api/tags': { body: typeof Tags.tagInput; response: typeof Tags.tagSchema };
  'PATCH /api/tags/{id}': { body: typeof Tags.tagPatch; response: typeof Tags.tagSchema };
  'DELETE /api/tags/{id}': { response: typeof Tags.tagDeleted };
  'POST /api/tags/{id}/candidates': {
    body: typeof Tags.bulkTagInput;
    response: z.ZodObject<{ tagId: z.ZodString; changed: z.ZodNumber }>;
  };
  'GET /api/candidates/{id}/tags': { response: typeof Tags.candidateTagsSchema };
  'PUT /api/candidates/{id}/tags/{tagId}': { response: z.ZodObject<{ changed: z.ZodNumber }> };
  'DELETE /api/candidates/{id}/tags/{tagId}': { response: z.ZodObject<{ changed: z.ZodNumber }> };
  'PUT /api/candidates/{id}/owner': {
    body: typeof Tags.ownerInput;
    response: z.ZodObject<{ candidateId: z.ZodString; ownerId: z.ZodNullable<z.ZodString> }>;
  };
  'GET /api/views': { query: typeof Views.viewListQuery; response: Items<typeof Views.viewSchema> };
  'POST /api/views': { body: typeof Views.viewInput; response: typeof Views.viewSchema };
  'DELETE /api/views/{id}': { response: Nothing };
  'GET /api/search': { query: typeof Search.searchQuery; response: typeof Search.searchPage };
  'GET /api/inbox': { query: typeof Inbox.inboxQuery; response: typeof Inbox.inboxPage };
  'GET /api/inbox/unread': { response: typeof Inbox.unreadCount };
  'PUT /api/inbox/{id}/read': {
    body: typeof Inbox.readInput;
    response: z.ZodObject<{ marked: z.ZodNumber }>;
  };
  'POST /api/inbox/read-all': { response: z.ZodObject<{ marked: z.ZodNumber }> };
  'GET /api/inbox/settings': { response: typeof Inbox.inboxSettingsSchema };
  'PUT /api/inbox/settings': {
    body: typeof Inbox.inboxSettingsSchema;
    response: typeof Inbox.inboxSettingsSchema;
  };
  'POST /api/candidate-merges': { body: typeof Merges.mergeInput; response: typeof Merges.mergeSchema };
  'POST /api/candidate-merges/{id}/confirm': { response: typeof Merges.mergeSchema };
  'POST /api/candidate-merges/{id}/undo': { response: typeof Merges.mergeSchema };

  'GET /api/candidates/{id}': { response: typeof Candidates.candidateSchema };
  'GET /api/candidates': {
    query: typeof Candidates.candidateListQuery;
    response: Paged<typeof Candidates.candidateSchema>;
  };
  'GET /api/candidates/{id}/profile': { response: typeof Messages.profileSchema };
  'GET /api/writing-templates': { response: Items<typeof Notifications.templateItem> };
  'POST /api/candidates/{id}/messages/preview': {
    body: typeof Messages.previewMessageBody;
    response: z.ZodObject<{ subject: z.ZodString; body: z.ZodString }>;
  };
  'POST /api/candidates/{id}/messages': {
    body: typeof Messages.writeMessageBody;
    response: typeof Messages.writtenMessage;
  };

  // ---- feedback
  'GET /api/applications/{id}/interviews': { response: Items<typeof Feedback.interviewSchema> };
  'POST /api/applications/{id}/interviews': {
    body: typeof Feedback.scheduleInterviewBody;
    response: typeof Feedback.interviewSchema;
  };
  'GET /api/my/interviews': { response: Items<typeof Feedback.myInterviewSchema> };
  'GET /api/interviews/{id}/kit': { response: typeof Feedback.kitResponse };
  'GET /api/interviews/{id}/scorecard': { response: typeof Feedback.scorecardSchema };
  'PUT /api/interviews/{id}/scorecard': {
    body: typeof Feedback.scorecardDraftBody;
    response: typeof Feedback.scorecardSchema;
  };
  'POST /api/interviews/{id}/scorecard/submit': {
    body: typeof Feedback.scorecardSubmitBody;
    response: typeof Feedback.scorecardSchema;
  };
  'GET /api/applications/{id}/scorecards': { response: typeof Feedback.scorecardListResponse };
  'GET /api/applications/{id}/rounds/{roundKey}/debrief': { response: typeof Feedback.debriefResponse };
  'POST /api/applications/{id}/rounds/{roundKey}/votes': {
    body: typeof Feedback.voteBody;
    response: typeof Feedback.voteResponse;
  };
  'GET /api/insights/interviewers': { response: Items<typeof Feedback.insightSchema> };

  // ---- scheduling
  'GET /api/interviewers': {
    query: typeof Scheduling.interviewerListQuery;
    response: typeof Scheduling.interviewerListResponse;
  };
  'POST /api/applications/{id}/scheduling-links': {
    body: typeof Scheduling.schedulingLinkBody;
    response: typeof Scheduling.schedulingLinkResponse;
  };

  // ---- offers
  'GET /api/offers': {
    query: typeof Offers.offerListQuery;
    response: Paged<typeof Offers.offerSummarySchema>;
  };
  'GET /api/applications/{id}/offers': { response: Paged<typeof Offers.offerSummarySchema> };
  'POST /api/applications/{id}/offers': {
    body: typeof Offers.createOfferBody;
    response: typeof Offers.offerSchema;
  };
  'GET /api/offers/{id}': { response: typeof Offers.offerSchema };
  'GET /api/vesting-schedules': { response: Items<typeof Offers.vestingScheduleItem> };
  'POST /api/offers/{id}/submit': { response: typeof Offers.offerSchema };
  'POST /api/offers/{id}/revisions': {
    body: typeof Offers.reviseOfferBody;
    response: typeof Offers.offerSchema;
  };
  'POST /api/offers/{id}/send': { body: typeof Offers.sendBody; response: typeof Offers.offerSchema };
  'POST /api/offers/{id}/rescind': { body: typeof Offers.rescindBody; response: typeof Offers.offerSchema };
  'POST /api/offers/{id}/approvals': {
    body: typeof Offers.approvalBody;
    response: typeof Offers.offerSchema;
  };
  'GET /api/offers/{id}/compensation': { response: typeof Offers.compensationResponse };
  'GET /api/me/offers': { response: Items<typeof Offers.candidateOfferSchema> };
  'GET /api/me/offers/{id}': { response: typeof Offers.candidateOfferSchema };
  'POST /api/me/offers/{id}/accept': {
    body: typeof Offers.respondBody;
    response: typeof Offers.candidateOfferSchema;
  };
  'POST /api/me/offers/{id}/decline': {
    body: typeof Offers.respondBody;
    response: typeof Offers.candidateOfferSchema;
  };
  'GET /api/me/offers/{id}/compensation': { response: typeof Offers.compensationResponse };
  'POST /api/me/offers/{id}/sign': {
    body: typeof Offers.signBody;
    response: typeof Offers.candidateOfferSchema;
  };
  'POST /api/me/offers/{id}/counters': {
    body: typeof Offers.counterBody;
    response: typeof Offers.offerCounterSchema;
  };

  // ---- portal
  'GET /api/me/messages': { response: Items<typeof Messages.portalThreadSchema> };
  'POST /api/me/messages': {
    body: typeof Messages.portalReplyBody;
    response: z.ZodObject<{ messageId: z.ZodString }>;
  };
  'GET /api/me/applications': { response: Items<typeof Portal.portalApplicationSchema> };
  'GET /api/me/interviews': { response: Items<typeof Portal.candidateInterviewSchema> };
  'POST /api/me/applications/{id}/withdraw': {
    body: typeof Applications.withdrawBody;
    response: typeof Portal.portalApplicationSchema;
  };
  'POST /api/me/erasure': { body: typeof Portal.erasureBody; response: typeof Portal.erasureResponse };
  // ---- workspace
  'GET /api/jobs/{id}/pipeline': {
    query: typeof Workspace.pipelineQuery;
    response: typeof Workspace.pipelineResponse;
  };
  'GET /api/decision-queue': {
    query: typeof Workspace.decisionQueueQuery;
    response: typeof Workspace.decisionQueueResponse;
  };
  'GET /api/reports/funnel': {
    query: typeof Workspace.reportFilter;
    response: typeof Workspace.funnelResponse;
  };
  'GET /api/reports/timing': {
    query: typeof Workspace.reportFilter;
    response: typeof Workspace.timingResponse;
  };
  'GET /api/reports/trends': {
    query: typeof Workspace.reportFilter;
    response: typeof Workspace.trendsResponse;
  };
  'GET /api/reports/applications': {
    query: typeof Workspace.drillQuery;
    response: typeof Workspace.drillResponse;
  };

  // ---- assessments
  'GET /api/problems': { response: Items<typeof Assessments.problemSummarySchema> };
  'GET /api/applications/{id}/assessments': { response: Items<typeof Assessments.staffAssessmentSchema> };
  'POST /api/applications/{id}/assessments': {
    body: typeof Assessments.createAssessmentBody;
    response: typeof Assessments.createdAssessmentSchema;
  };
  'GET /api/assessments/{token}': { response: typeof Assessments.candidateAssessmentSchema };
  'POST /api/assessments/{token}/start': { response: typeof Assessments.startedResponse };
  'PUT /api/assessments/{token}/answers/{item}': {
    body: typeof Assessments.saveAnswerBody;
    response: typeof Assessments.savedAnswerResponse;
  };
  'POST /api/assessments/{token}/answers/{item}/run': {
    body: typeof Assessments.runBody;
    response: typeof Assessments.runResponse;
  };
  /** Multipart form data, sent with `upload`. */
  'PUT /api/assessments/{token}/answers/{item}/file': { response: typeof Assessments.uploadedFileResponse };
  'POST /api/assessments/{token}/events': { body: typeof Assessments.eventsBody; response: Nothing };
  'POST /api/assessments/{token}/submit': {
    body: typeof Assessments.submitBody;
    response: typeof Assessments.submittedResponse;
  };

  // ---- pads
  'GET /api/applications/{id}/pads': { response: Items<typeof Pads.padSchema> };
  'POST /api/applications/{id}/pads': {
    body: typeof Pads.createPadBody;
    response: typeof Pads.createdPadSchema;
  };
  'GET /api/pads/{id}': { response: typeof Pads.padSchema };
  'POST /api/pads/{id}/run': { response: typeof Assessments.codeGradeSchema };
  'GET /api/pads/{id}/replay': { response: typeof Pads.replaySchema };
  'GET /api/pad-links/{token}': { response: typeof Pads.candidatePadSchema };
}

export type Route = keyof Endpoints;
export type GetRoute = Extract<Route, `GET ${string}`>;
export type SendRoute = Exclude<Route, GetRoute>;

type ParamNames<P> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;
/** The `{name}` segments of a route's path. */
export type PathParams<R extends Route> = { [K in ParamNames<R>]: string | number };
/** What a GET puts in its query string, as the route's `querystring` schema accepts it. */
export type Query<R extends Route> = Endpoints[R] extends { query: infer Q extends z.ZodType }
  ? z.input<Q>
  : Record<never, never>;
/** A GET's path parameters and query together. */
export type GetParams<R extends GetRoute> = PathParams<R> & Query<R>;
export type Body<R extends Route> = Endpoints[R] extends { body: infer B extends z.ZodType }
  ? z.input<B>
  : never;
/** What the route answers; `undefined` for 204 No Content. */
export type Answer<R extends Route> = Endpoints[R]['response'] extends Nothing
  ? undefined
  : z.output<Endpoints[R]['response']>;
/** The GET routes that answer one page of a cursor-paged list. */
export type PagedRoute = {
  [R in GetRoute]: Answer<R> extends { items: unknown[]; nextCursor: string | null } ? R : never;
}[GetRoute];
