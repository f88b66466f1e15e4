import { createContext, type ReactNode, useContext } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { api, useApi } from './api';
import { AdminPage } from './features/admin';
import { ApplicationPage } from './features/application';
import { CandidateAssessmentPage } from './features/assessments';
import { CandidatesPage } from './features/candidates';
import { DecisionsPage } from './features/decisions';
import { InterviewPage, MyInterviewsPage } from './features/interviews';
import { JobEditorPage, JobsPage, PipelinePage } from './features/jobs';
import { OfferPage, OffersPage } from './features/offers';
import { CandidatePadPage, PadPage } from './features/pads';
import { PortalOfferPage, PortalPage, PortalSignInPage } from './features/portal';
import { ReportsPage } from './features/reports';
import { ScreeningPage } from './features/screening';
import { SignInPage } from './features/sign-in';
import type { Me, StaffMe } from './types';
import { Loading } from './ui';

const SessionContext = createContext<Me | null>(null);

export function useStaff(): StaffMe {
  const me = useContext(SessionContext);
  if (me?.kind !== 'staff') throw new Error('a staff screen outside a staff session');
  return me;
}

export const can = (me: StaffMe, action: string) => me.can.includes(action);

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
    ['/app/admin', 'Admin', can(me, 'org.manage')],
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
    '/app/interviews'
  );
}

function Shell({
  nav,
  who,
  onSignOut,
  children,
}: {
  nav: [string, string][];
  who: string;
  onSignOut: () => void;
  children: ReactNode;
}) {
  const [location] = useLocation();
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
                <Link href={path} aria-current={location.startsWith(path) ? 'page' : undefined}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
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
    await api('/api/auth/logout', { method: 'POST' });
    window.location.assign('/app/sign-in');
  };
  return (
    <Shell nav={staffNav(me)} who={`${me.name} · ${me.timezone}`} onSignOut={signOut}>
      <Switch>
        <Route path="/app/screening" component={ScreeningPage} />
        <Route path="/app/decisions" component={DecisionsPage} />
        <Route path="/app/interviews" component={MyInterviewsPage} />
        <Route path="/app/interviews/:id">{(p) => <InterviewPage id={p.id} />}</Route>
        <Route path="/app/jobs" component={JobsPage} />
        <Route path="/app/jobs/new">{() => <JobEditorPage />}</Route>
        <Route path="/app/jobs/:id/edit">{(p) => <JobEditorPage id={p.id} />}</Route>
        <Route path="/app/jobs/:id">{(p) => <PipelinePage id={p.id} />}</Route>
        <Route path="/app/applications/:id">{(p) => <ApplicationPage id={p.id} />}</Route>
        <Route path="/app/pads/:id">{(p) => <PadPage id={p.id} />}</Route>
        <Route path="/app/candidates" component={CandidatesPage} />
        <Route path="/app/offers" component={OffersPage} />
        <Route path="/app/offers/:id">{(p) => <OfferPage id={p.id} />}</Route>
        <Route path="/app/reports" component={ReportsPage} />
        <Route path="/app/admin/:section?">{(p) => <AdminPage section={p.section ?? 'teams'} />}</Route>
        <Route>
          <Redirect to={home(me)} replace />
        </Route>
      </Switch>
    </Shell>
  );
}

function CandidateApp({ name }: { name: string }) {
  const signOut = async () => {
    await api('/api/auth/logout', { method: 'POST' });
    window.location.assign('/candidate/sign-in');
  };
  return (
    <Shell nav={[['/candidate', 'My applications']]} who={name} onSignOut={signOut}>
      <Switch>
        <Route path="/candidate/offers/:id">{(p) => <PortalOfferPage id={p.id} />}</Route>
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
  const session = useApi<Me>('/api/auth/me');
  const candidateArea = location.startsWith('/candidate');
  if (location === '/candidate/sign-in') return <PortalSignInPage />;
  // The emailed assessment link is its own credential: no sign-in.
  const assessment = location.match(/^\/candidate\/assessment\/([^/]+)$/);
  if (assessment?.[1]) return <CandidateAssessmentPage token={assessment[1]} />;
  const pad = location.match(/^\/candidate\/pad\/([^/]+)$/);
  if (pad?.[1]) return <CandidatePadPage token={pad[1]} />;
  if (location === '/app/sign-in') return <SignInPage />;
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
