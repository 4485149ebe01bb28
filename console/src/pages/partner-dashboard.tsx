import { useQuery } from '@apollo/client/react';
import {
  ConsoleCaseEventsDocument,
  type ConsoleCaseEventsSubscription,
  ConsolePartnerDashboardDocument,
} from '../graphql/graphql';
import { useLiveEvents } from '../live/use-live-events';
import { Link } from '../router';
import { CaseTable } from '../ui/case-table';
import { DateTime } from '../ui/date-time';
import { Empty, Failure, Loading } from '../ui/states';

const pickEvent = (data: ConsoleCaseEventsSubscription) => data.caseEvents;

/** A partner agent's customers: only those with a valid delegation, as the gateway lists them. */
export function PartnerDashboardPage() {
  const { data, error, refetch } = useQuery(ConsolePartnerDashboardDocument, {
    // Lists change while the page is away: show what is known, then what is true.
    fetchPolicy: 'cache-and-network',
  });
  // Every case the agent may see (all delegated customers); new ones join the lists.
  useLiveEvents(ConsoleCaseEventsDocument, {}, pickEvent, (event) => {
    if (['OPENED', 'STATUS_CHANGED', 'REOPENED'].includes(event.kind)) void refetch();
  });
  if (error && !data) return <Failure error={error} retry={() => refetch()} />;
  if (!data) return <Loading what="your customers" />;
  const partner = data.viewer.partner;
  if (!partner) return <Empty>You are not a partner agent.</Empty>;
  return (
    <section aria-labelledby="partner-title">
      <h1 id="partner-title">{partner.name}: customers</h1>
      <p>Cases escalated to the provider: {partner.escalationCount ?? 0}</p>
      {partner.customers.length === 0 ? (
        <Empty>No customer delegates to {partner.name} right now.</Empty>
      ) : (
        <ul className="customers">
          {partner.customers.map(({ organization: org, roles, expiresAt }) => {
            const cases = org.cases?.edges.map((e) => e.node) ?? [];
            const entitlement = org.supportEntitlement;
            return (
              <li key={org.id} aria-labelledby={`customer-${org.id}`}>
                <h2 id={`customer-${org.id}`}>{org.name}</h2>
                <p>
                  Delegated roles {roles.join(', ').toLowerCase().replaceAll('_', ' ')} until{' '}
                  <DateTime value={expiresAt} />
                </p>
                <p>
                  Plans:{' '}
                  {org.subscriptions
                    ? org.subscriptions
                        .map(
                          (s) =>
                            `${s.plan.name} (${s.status.toLowerCase()}, ${s.licenses} licences)`,
                        )
                        .join('; ') || 'none'
                    : 'not visible with the delegated roles'}
                </p>
                {entitlement && (
                  <p>
                    Support: {entitlement.planFamily?.toLowerCase() ?? 'pre-sales'}
                    {entitlement.elevated ? ', elevated' : ''}, given by{' '}
                    {entitlement.supportedBy === 'PARTNER'
                      ? entitlement.partner?.name
                      : 'the provider'}
                  </p>
                )}
                <p>
                  <Link to={`/cases/new?org=${encodeURIComponent(org.id)}`}>
                    Open a case for {org.name}
                  </Link>
                </p>
                <CaseTable
                  cases={cases}
                  caption={`Open cases of ${org.name}`}
                  empty={`${org.name} has no open cases.`}
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
