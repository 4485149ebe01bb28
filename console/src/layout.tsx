import { useQuery } from '@apollo/client/react';
import type { ReactElement } from 'react';
import { setSession } from './auth/session';
import { ConsoleViewerDocument } from './graphql/graphql';
import { useReconnecting } from './live/connection-state';
import { CaseDetailPage } from './pages/case-detail';
import { OpenCasePage } from './pages/open-case';
import { PartnerDashboardPage } from './pages/partner-dashboard';
import { ServiceHealthPage } from './pages/service-health';
import { SupportPicturePage } from './pages/support-picture';
import { SupportQueuePage } from './pages/support-queue';
import { Link, navigate, useLocation } from './router';
import { Failure, Loading } from './ui/states';
import { homeOf, isOrganizationAdmin, type Viewer, ViewerContext } from './viewer';

/** Everything behind sign-in: who is asking decides the navigation and the landing page. */
export function SignedIn() {
  const { data, error, refetch } = useQuery(ConsoleViewerDocument);
  if (error && !data) return <Failure error={error} retry={() => refetch()} />;
  if (!data) return <Loading what="your profile" />;
  return (
    <ViewerContext.Provider value={data.viewer}>
      <Shell viewer={data.viewer} />
    </ViewerContext.Provider>
  );
}

function Shell({ viewer }: { viewer: Viewer }) {
  const { path } = useLocation();
  const reconnecting = useReconnecting();
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Support console</span>
        <nav aria-label="Pages">
          <ul>
            {navigationOf(viewer).map(([to, label]) => (
              <li key={to}>
                <Link to={to} aria-current={path === to ? 'page' : undefined}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">
          {viewer.displayName} <small>({viewer.email})</small>
          <button type="button" onClick={() => setSession(null)}>
            Sign out
          </button>
        </span>
      </header>
      {reconnecting && (
        <p role="status" className="banner reconnecting">
          Live updates interrupted: reconnecting…
        </p>
      )}
      <main id="main">{pageOf(path, viewer)}</main>
    </>
  );
}

function navigationOf(viewer: Viewer): [string, string][] {
  const links: [string, string][] = [];
  if (isOrganizationAdmin(viewer))
    links.push(['/picture', 'Support picture'], ['/cases/new', 'Open a case']);
  if (viewer.partner) links.push(['/partner', 'Partner dashboard']);
  if (viewer.supportEngineer) links.push(['/queue', 'Support queue']);
  links.push(['/health', 'Service health']);
  return links;
}

function pageOf(path: string, viewer: Viewer): ReactElement {
  const caseId = /^\/cases\/([^/]+)$/.exec(path)?.[1];
  if (path === '/picture') return <SupportPicturePage />;
  if (path === '/cases/new') return <OpenCasePage />;
  if (caseId) return <CaseDetailPage id={decodeURIComponent(caseId)} />;
  if (path === '/partner') return <PartnerDashboardPage />;
  if (path === '/queue') return <SupportQueuePage />;
  if (path === '/health') return <ServiceHealthPage />;
  if (path === '/' || path === '/callback') {
    queueMicrotask(() => navigate(homeOf(viewer), { replace: true }));
    return <Loading what="your home page" />;
  }
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <Link to={homeOf(viewer)}>Go to your home page</Link>
      </p>
    </section>
  );
}
