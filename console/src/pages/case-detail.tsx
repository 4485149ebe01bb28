import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import {
  type CaseDetailFieldsFragment,
  type CaseEventKind,
  ConsoleCaseDocument,
  ConsoleCaseEventsDocument,
  type ConsoleCaseEventsSubscription,
} from '../graphql/graphql';
import { useLiveEvents } from '../live/use-live-events';
import { DateTime } from '../ui/date-time';
import { CATEGORY, EVENT, STATUS } from '../ui/labels';
import { ResponseClock } from '../ui/response-clock';
import { Empty, Failure, Loading } from '../ui/states';
import { useViewer } from '../viewer';
import { CaseActions } from './case-actions';

interface TimelineItem {
  key: string;
  at: string;
  title: string;
  body?: string;
  kind: string;
}

// Kinds the case's own data already shows (notes, severity changes, the opening): their live
// events update the data rather than add a second line.
const SHOWN_BY_DATA = new Set<CaseEventKind>(['OPENED', 'NOTE_ADDED', 'SEVERITY_CHANGED']);
const pickEvent = (data: ConsoleCaseEventsSubscription) => data.caseEvents;

export function CaseDetailPage({ id }: { id: string }) {
  const { data, error, refetch } = useQuery(ConsoleCaseDocument, { variables: { id } });
  const [live, setLive] = useState<TimelineItem[]>([]);
  // A partner's own Partner Center request has no organization (issue 12.6).
  const organizationId = data?.case?.organization?.id;
  useLiveEvents(
    ConsoleCaseEventsDocument,
    organizationId ? { organizationId } : null,
    pickEvent,
    (event) => {
      if (event.case.id !== id || SHOWN_BY_DATA.has(event.kind)) return;
      const detail =
        event.kind === 'STATUS_CHANGED' ? `now ${STATUS[event.case.status]}` : undefined;
      setLive((items) => [
        ...items,
        {
          key: event.cursor,
          at: event.at,
          title: EVENT[event.kind],
          body: detail,
          kind: event.kind,
        },
      ]);
    },
  );
  if (error && !data) return <Failure error={error} retry={() => refetch()} />;
  if (!data) return <Loading what="the case" />;
  if (!data.case) return <Empty>This case was not found.</Empty>;
  return <CaseView kase={data.case} live={live} />;
}

function CaseView({ kase, live }: { kase: CaseDetailFieldsFragment; live: TimelineItem[] }) {
  const viewer = useViewer();
  return (
    <article aria-labelledby="case-title">
      <h1 id="case-title">
        {kase.number}: {kase.title}
      </h1>
      <dl className="facts">
        <dt>First response</dt>
        <dd data-testid="case-clock">
          <ResponseClock clock={kase.responseClock} />
        </dd>
        <dt>Status</dt>
        <dd data-testid="case-status">{STATUS[kase.status]}</dd>
        <dt>Severity</dt>
        <dd>{kase.severity}</dd>
        <dt>Category</dt>
        <dd>
          {CATEGORY[kase.category]} — {kase.topic}
        </dd>
        <dt>Organization</dt>
        <dd>{kase.organization?.name ?? 'A partner’s own Partner Center request'}</dd>
        <dt>Opened</dt>
        <dd>
          <DateTime value={kase.openedAt} /> by {kase.openedBy.email}
          {kase.onBehalfOf && ` for ${kase.onBehalfOf.name}`}
        </dd>
        <dt>Contact</dt>
        <dd>
          {kase.contact.email}, {kase.contact.phone} (prefers{' '}
          {kase.contact.preferredMethod === 'PHONE' ? 'phone' : 'e-mail'})
        </dd>
        {kase.escalated && (
          <>
            <dt>Escalation</dt>
            <dd>Escalated to the provider</dd>
          </>
        )}
      </dl>
      <h2>Description</h2>
      <p className="prose">{kase.description}</p>
      {kase.businessImpact && <p className="prose">Business impact: {kase.businessImpact}</p>}
      <h2 id="timeline-title">Timeline</h2>
      <Timeline items={timelineOf(kase, live)} />
      <CaseActions kase={kase} viewer={viewer} />
    </article>
  );
}

function timelineOf(kase: CaseDetailFieldsFragment, live: TimelineItem[]): TimelineItem[] {
  const items: TimelineItem[] = [
    { key: 'opened', at: kase.openedAt, title: 'Case opened', kind: 'OPENED' },
    ...kase.notes.map((n) => ({
      key: n.id,
      at: n.at,
      title: `${n.fromSupport ? 'Support' : n.author.displayName} wrote`,
      body: n.body,
      kind: 'NOTE',
    })),
    ...kase.severityHistory.map((c, i) => ({
      key: `severity-${i}`,
      at: c.at,
      title: `Severity ${c.from} → ${c.to}`,
      body: c.reason,
      kind: 'SEVERITY_CHANGED',
    })),
    ...live,
  ];
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function Timeline({ items }: { items: TimelineItem[] }) {
  return (
    <ol className="timeline" aria-labelledby="timeline-title" aria-live="polite">
      {items.map((item) => (
        <li key={item.key} data-kind={item.kind}>
          <DateTime value={item.at} /> <strong>{item.title}</strong>
          {item.body && <p className="prose">{item.body}</p>}
        </li>
      ))}
    </ol>
  );
}
