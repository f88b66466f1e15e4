import type { ReactNode } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { send, useApi } from './client';
import { CandidateSignInPage } from './features/accounts/candidate-sign-in-page';
import { ResetPasswordPage } from './features/accounts/reset-password-page';
import { AccountPage, CandidateSessionsPage } from './features/accounts/sessions-section';
import { SignInPage } from './features/accounts/sign-in-page';
import { ApplicationPage } from './features/applications/application-page';
import { ScreeningPage } from './features/applications/screening-page';
import { CandidateAssessmentPage } from './features/assessments/candidate-assessment-page';
import { CandidatesPage } from './features/candidates/candidates-page';
import { ProfilePage } from './features/candidates/profile-page';
import { AgreementPage } from './features/compliance/agreement-page';
import { FairnessPage } from './features/compliance/fairness-page';
import { InterviewPage } from './features/feedback/interview-page';
import { MyInterviewsPage } from './features/feedback/my-interviews-page';
import { Bell } from './features/inbox/bell';
import { InboxPage } from './features/inbox/inbox-page';
import { JobEditorPage } from './features/jobs/job-editor-page';
import { JobsPage } from './features/jobs/jobs-page';
import { PortalMockPadPage, PortalMockPage } from './features/mock/portal-mock-page';
import { PracticeInterviewPage, PracticeInterviewsPage } from './features/mock/practice-interviews-page';
import { OfferPage } from './features/offers/offer-page';
import { OffersPage } from './features/offers/offers-page';
import { AdminPage } from './features/organisation/admin-page';
import { CandidatePadPage, PadPage } from './features/pads/pad-page';
import { PortalOfferPage } from './features/portal/offer-page';
import { PortalPage } from './features/portal/portal-page';
import { PracticePage, PublicPracticePage } from './features/practice/practice-page';
import { SearchBox } from './features/search/search-box';
import { DecisionsPage } from './features/workspace/decisions-page';
import { PipelinePage } from './features/workspace/pipeline-page';
import { ReportsPage } from './features/workspace/reports-page';
import { can, SessionContext } from './session';
import type { StaffMe } from './types';
import { Loading } from './ui';

/** The staff screens each role reaches from the navigation, in the order a role's day goes. */
function staffNav(me: StaffMe): [string, string][] {
  const has = (...roles: string[]) => me.roles.some((r) => roles.includes(r));
  const items: [string, string, boolean][] = [
    ['/app/screening', 'Screening', has('recruiter', 'coordinator')],
    ['/app/decisions', 'Decisions', can(me, 'application.decide')],
    ['/app/interviews', 'My interviews', can(me, 'feedback.write')],
    ['/app/jobs', 'Jobs', can(me, 'application.read')],
    ['/app/candidates', 'Candidates', can(me, 'candidate.read')],
    ['/app/offers', 'Offers', can(me, 'offer.read')],
    ['/app/reports', 'Reports', can(me, 'application.read')],
    ['/app/fairness', 'Fairness', can(me, 'compliance.read')],
    ['/app/agreement', 'Matcher agreement', can(me, 'compliance.agreement')],
    ['/app/admin', 'Admin', can(me, 'org.manage')],
    ['/app/practice-interviews', 'Practice interviews', can(me, 'mock.coach')],
    ['/app/account', 'Your account', true],
  ];
  return items.filter(([, , shown]) => shown).map(([path, label]) => [path, label]);
}

function home(me: StaffMe) {
  const first = (role: string, path: string) => (me.roles.includes(role as never) ? path : null);
  return (
    first('recruiter', '/app/screening') ??
    first('coordinator', '/app/screening') ??
    first('hiring_manager', '/app/decisions') ??
    first('hr', '/app/offers') ??
    first('admin', '/app/admin') ??
    first('compliance', '/app/fairness') ??
    '/app/interviews'
  );
}

function Shell({
  nav,
  who,
  tools,
  onSignOut,
  children,
}: {
  nav: [string, string][];
  who: string;
  /** Staff's search box and bell. */
  tools?: ReactNode;
  onSignOut: () => void;
  children: ReactNode;
}) {
  const [location] = useLocation();
  // The current entry is the most specific one the page is under: /candidate/practice is Practice,
  // not also /candidate's My applications.
  const under = (path: string) => location === path || location.startsWith(`${path}/`);
  const current = nav
    .map(([path]) => path)
    .filter(under)
    .sort((a, b) => b.length - a.length)[0];
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Hireloop</span>
        <nav aria-label="Main">
          <ul>
            {nav.map(([path, label]) => (
              <li key={path}>
                <Link href={path} aria-current={path === current ? 'page' : undefined}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {tools}
        <span className="who">
          {who}{' '}
          <button type="button" className="link" onClick={onSignOut}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

function StaffApp({ me }: { me: StaffMe }) {
  const signOut = async () => {
    await send('POST /api/auth/logout', {});
    window.location.assign('/app/sign-in');
  };
  return (
    <Shell
      nav={staffNav(me)}
      who={`${me.name} · ${me.timezone}`}
      tools={
        <>
          {can(me, 'candidate.read') && <SearchBox />}
          <Bell />
        </>
      }
      onSignOut={signOut}
    >
      <Switch>
        <Route path="/app/screening" component={ScreeningPage} />
        <Route path="/app/decisions" component={DecisionsPage} />
        <Route path="/app/interviews" component={MyInterviewsPage} />
        <Route path="/app/interviews/:id">{(p) => <InterviewPage id={p.id} />}</Route>
        <Route path="/app/jobs" component={JobsPage} />
        <Route path="/app/jobs/new">
          {() => <JobEditorPage from={new URLSearchParams(window.location.search).get('from')} />}
        </Route>
        <Route path="/app/jobs/:id/edit">{(p) => <JobEditorPage id={p.id} />}</Route>
        <Route path="/app/jobs/:id">{(p) => <PipelinePage key={p.id} id={p.id} />}</Route>
        <Route path="/app/applications/:id">{(p) => <ApplicationPage id={p.id} />}</Route>
        <Route path="/app/pads/:id">{(p) => <PadPage id={p.id} />}</Route>
        <Route path="/app/candidates">{() => <CandidatesPage />}</Route>
        <Route path="/app/candidates/:id">{(p) => <ProfilePage id={p.id} />}</Route>
        <Route path="/app/inbox" component={InboxPage} />
        <Route path="/app/offers" component={OffersPage} />
        <Route path="/app/offers/:id">{(p) => <OfferPage id={p.id} />}</Route>
        <Route path="/app/reports" component={ReportsPage} />
        <Route path="/app/fairness" component={FairnessPage} />
        <Route path="/app/agreement" component={AgreementPage} />
        <Route path="/app/admin/:section?">{(p) => <AdminPage section={p.section ?? 'teams'} />}</Route>
        <Route path="/app/practice-interviews" component={PracticeInterviewsPage} />
        <Route path="/app/practice-interviews/:id">{(p) => <PracticeInterviewPage id={p.id} />}</Route>
        <Route path="/app/account">{() => <AccountPage timeZone={me.timezone} />}</Route>
        <Route>
          <Redirect to={home(me)} replace />
        </Route>
      </Switch>
    </Shell>
  );
}

function CandidateApp({ name }: { name: string }) {
  const signOut = async () => {
    await send('POST /api/auth/logout', {});
    window.location.assign('/candidate/sign-in');
  };
  return (
    <Shell
      nav={[
        ['/candidate', 'My applications'],
        ['/candidate/practice', 'Practice'],
        ['/candidate/mock', 'Mock interviews'],
        ['/candidate/sessions', 'Your sessions'],
      ]}
      who={name}
      onSignOut={signOut}
    >
      <Switch>
        <Route path="/candidate/sessions" component={CandidateSessionsPage} />
        <Route path="/candidate/practice" component={PracticePage} />
        <Route path="/candidate/offers/:id">{(p) => <PortalOfferPage id={p.id} />}</Route>
        <Route path="/candidate/mock" component={PortalMockPage} />
        <Route path="/candidate/mock/pads/:id">{(p) => <PortalMockPadPage id={p.id} />}</Route>
        <Route path="/candidate" component={PortalPage} />
        <Route>
          <Redirect to="/candidate" replace />
        </Route>
      </Switch>
    </Shell>
  );
}

export function App() {
  const [location] = useLocation();
  const session = useApi('GET /api/auth/session', {});
  const candidateArea = location.startsWith('/candidate');
  if (location === '/candidate/sign-in') return <CandidateSignInPage />;
  // The emailed assessment link is its own credential: no sign-in.
  const assessment = location.match(/^\/candidate\/assessment\/([^/]+)$/);
  if (assessment?.[1]) return <CandidateAssessmentPage token={assessment[1]} />;
  // An organisation's public practice link opens the practice space to anyone, signed in or not.
  const practice = location.match(/^\/candidate\/practice\/open\/([^/]+)$/);
  if (practice?.[1]) return <PublicPracticePage token={practice[1]} />;
  const pad = location.match(/^\/candidate\/pad\/([^/]+)$/);
  if (pad?.[1]) return <CandidatePadPage token={pad[1]} />;
  if (location === '/app/sign-in') return <SignInPage />;
  if (location === '/app/reset-password') return <ResetPasswordPage />;
  if (session.loading && !session.data) return <Loading what="Opening Hireloop" />;
  const me = session.error ? undefined : session.data;
  if (!me)
    return (
      <Redirect
        to={candidateArea ? '/candidate/sign-in' : `/app/sign-in?next=${encodeURIComponent(location)}`}
      />
    );
  if (me.kind === 'candidate' && !candidateArea) return <Redirect to="/candidate" />;
  if (me.kind === 'staff' && candidateArea) return <Redirect to="/app" />;
  return (
    <SessionContext.Provider value={me}>
      {me.kind === 'staff' ? <StaffApp me={me} /> : <CandidateApp name={me.name} />}
    </SessionContext.Provider>
  );
}
