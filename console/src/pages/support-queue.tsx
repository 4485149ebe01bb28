import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import {
  type CaseEventKind,
  ConsoleQueueEventsDocument,
  type ConsoleQueueEventsSubscription,
  ConsoleSupportQueueDocument,
  type ConsoleSupportQueueQuery,
} from '../graphql/graphql';
import { useLiveEvents } from '../live/use-live-events';
import { CaseTable } from '../ui/case-table';
import { DateTime } from '../ui/date-time';
import { EVENT } from '../ui/labels';
import { Failure, Loading } from '../ui/states';
import { PhoneVerification } from './phone-verification';

type QueueCase = ConsoleSupportQueueQuery['supportQueue'][number];
const pickEvent = (data: ConsoleQueueEventsSubscription) => data.caseEvents;
const ALERTS = new Set<CaseEventKind>(['OPENED', 'RESPONSE_DUE_SOON', 'RESPONSE_BREACHED']);

/** Nearest to breach first: waiting for a first response by due time, then the rest by age. */
function byBreach(a: QueueCase, b: QueueCase): number {
  const waiting = (c: QueueCase) => !c.responseClock.respondedAt && !!c.responseClock.dueAt;
  if (waiting(a) !== waiting(b)) return waiting(a) ? -1 : 1;
  if (waiting(a)) return Date.parse(a.responseClock.dueAt!) - Date.parse(b.responseClock.dueAt!);
  return Date.parse(a.openedAt) - Date.parse(b.openedAt);
}

/** The organizations in the queue, once each: the likely callers. */
function organizationsOf(cases: QueueCase[]): { id: string; name: string }[] {
  const organizations = cases.flatMap((c) => (c.organization ? [c.organization] : []));
  return [...new Map(organizations.map((o) => [o.id, o])).values()];
}

/** A support engineer's queue of the cases of their cloud, updating live. */
export function SupportQueuePage() {
  const { data, error, refetch } = useQuery(ConsoleSupportQueueDocument, {
    // Lists change while the page is away: show what is known, then what is true.
    fetchPolicy: 'cache-and-network',
  });
  const [recent, setRecent] = useState<{ cursor: string; text: string; at: string }[]>([]);
  useLiveEvents(ConsoleQueueEventsDocument, {}, pickEvent, (event) => {
    // A new or reopened case joins the queue; a closed one leaves it. Clocks update in the cache.
    if (['OPENED', 'REOPENED', 'STATUS_CHANGED'].includes(event.kind)) void refetch();
    if (ALERTS.has(event.kind)) {
      const text = `${EVENT[event.kind]}: ${event.case.number} (${event.case.organization?.name ?? 'partner request'})`;
      setRecent((items) => [{ cursor: event.cursor, text, at: event.at }, ...items].slice(0, 5));
    }
  });
  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">Support queue</h1>
      {recent.length > 0 && (
        <ul className="alerts" aria-label="Latest alerts" aria-live="polite">
          {recent.map((r) => (
            <li key={r.cursor}>
              <DateTime value={r.at} /> {r.text}
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <Failure error={error} retry={() => refetch()} />
      ) : !data ? (
        <Loading what="the queue" />
      ) : (
        <CaseTable
          cases={[...data.supportQueue].sort(byBreach)}
          caption="Open cases of your cloud, nearest to breach first"
          empty="The queue is empty: no open cases in your cloud."
          organizationOf={(c) => (c as QueueCase).organization?.name ?? 'Partner request'}
        />
      )}
      <PhoneVerification organizations={organizationsOf(data?.supportQueue ?? [])} />
    </section>
  );
}
