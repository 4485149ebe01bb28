import { useQuery } from '@apollo/client/react';
import {
  ConsoleCaseEventsDocument,
  type ConsoleCaseEventsSubscription,
  ConsoleSupportPictureDocument,
  type ConsoleSupportPictureQuery,
} from '../graphql/graphql';
import { useLiveEvents } from '../live/use-live-events';
import { Link, useLocation } from '../router';
import { CaseTable } from '../ui/case-table';
import { DateTime } from '../ui/date-time';
import { Empty, Failure, Loading } from '../ui/states';
import { useViewer } from '../viewer';
import { ServiceHealthSummary } from './service-health';

type Organization = NonNullable<ConsoleSupportPictureQuery['organization']>;
const pickEvent = (data: ConsoleCaseEventsSubscription) => data.caseEvents;

/** An organization's admin: what it bought, who supports it, its cases, its cloud's health. */
export function SupportPicturePage() {
  const viewer = useViewer();
  const { params } = useLocation();
  const organizationId = params.get('org') ?? viewer.organization?.id;
  const { data, error, refetch } = useQuery(ConsoleSupportPictureDocument, {
    variables: { organizationId: organizationId ?? '' },
    skip: !organizationId,
    // Lists change while the page is away: show what is known, then what is true.
    fetchPolicy: 'cache-and-network',
  });
  // Cases that open, close or reopen move between the lists; clocks update through the cache.
  useLiveEvents(
    ConsoleCaseEventsDocument,
    organizationId ? { organizationId } : null,
    pickEvent,
    (event) => {
      if (['OPENED', 'STATUS_CHANGED', 'REOPENED'].includes(event.kind)) void refetch();
    },
  );
  if (!organizationId) return <Empty>You are not a member of an organization.</Empty>;
  if (error && !data) return <Failure error={error} retry={() => refetch()} />;
  if (!data) return <Loading what="the support picture" />;
  if (!data.organization) return <Empty>This organization was not found.</Empty>;
  return <Picture organization={data.organization} />;
}

function Picture({ organization }: { organization: Organization }) {
  const open = organization.openCases?.edges.map((e) => e.node) ?? [];
  const now = Date.now();
  const closed = (organization.recentCases?.edges.map((e) => e.node) ?? []).filter(
    (c) => c.status === 'CLOSED',
  );
  return (
    <section aria-labelledby="picture-title">
      <h1 id="picture-title">Support picture: {organization.name}</h1>
      <p>
        Cloud {organization.cloud === 'GLOBAL' ? 'Global' : '21Vianet (China)'}, time zone{' '}
        {organization.timeZone}
      </p>
      <Entitlement organization={organization} />
      <Plans organization={organization} />
      <h2>Open cases ({organization.openCases?.totalCount ?? 0})</h2>
      <p>
        <Link to={`/cases/new?org=${encodeURIComponent(organization.id)}`}>Open a case</Link>
      </p>
      <CaseTable cases={open} caption="Open cases, newest first" empty="No open cases." />
      <h2>Recently closed</h2>
      {closed.length === 0 ? (
        <Empty>No closed cases.</Empty>
      ) : (
        <ul className="closed">
          {closed.map((c) => (
            <li key={c.id}>
              <Link to={`/cases/${encodeURIComponent(c.id)}`}>
                {c.number}: {c.title}
              </Link>{' '}
              closed <DateTime value={c.closedAt} />
              {c.reopenableUntil && Date.parse(c.reopenableUntil) > now ? (
                <>
                  {' '}
                  — may be reopened until <DateTime value={c.reopenableUntil} />{' '}
                  <Link to={`/cases/${encodeURIComponent(c.id)}#reopen`}>Reopen {c.number}</Link>
                </>
              ) : (
                ' — the 14-day reopen window has passed'
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>Service health of the {organization.cloud === 'GLOBAL' ? 'Global' : '21Vianet'} cloud</h2>
      <ServiceHealthSummary cloud={organization.cloud} />
    </section>
  );
}

function Entitlement({ organization }: { organization: Organization }) {
  const e = organization.supportEntitlement;
  if (!e) return <Empty>You may not see this organization's support entitlement.</Empty>;
  const who = e.supportedBy === 'PARTNER' ? `your partner ${e.partner?.name}` : 'the provider';
  return (
    <dl className="facts" aria-label="Support entitlement">
      <dt>Support level</dt>
      <dd>
        {e.planFamily ? `${e.planFamily.toLowerCase()} plans` : 'pre-sales only (no subscription)'}
        {e.elevated ? ', with elevated support' : ''}
      </dd>
      <dt>Supported by</dt>
      <dd data-testid="supported-by">{who}</dd>
      {organization.cloud === 'CHINA_21VIANET' && (
        <>
          <dt>Advanced support agreement</dt>
          <dd>
            {organization.advancedSupportAgreement ? 'Signed (severity A allowed)' : 'Not signed'}
          </dd>
        </>
      )}
    </dl>
  );
}

function Plans({ organization }: { organization: Organization }) {
  const subscriptions = organization.subscriptions;
  if (!subscriptions) return <Empty>You may not see this organization's subscriptions.</Empty>;
  if (subscriptions.length === 0) return <Empty>No plans bought yet.</Empty>;
  return (
    <div className="table-scroll">
      <table>
        <caption>Plans and licences</caption>
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Status</th>
            <th scope="col">Licences (assigned)</th>
            <th scope="col">Bought</th>
            <th scope="col">Term ends</th>
          </tr>
        </thead>
        <tbody>
          {subscriptions.map((s) => (
            <tr key={s.id}>
              <td>{s.plan.name}</td>
              <td>{s.status.toLowerCase()}</td>
              <td>
                {s.licenses} ({s.assignedLicenses})
              </td>
              <td>{s.partner ? `through ${s.partner.name}` : 'directly'}</td>
              <td>
                <DateTime value={s.termEnd} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
