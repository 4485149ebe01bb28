import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { type Cloud, ConsoleServiceHealthDocument } from '../graphql/graphql';
import { DateTime } from '../ui/date-time';
import { Empty, Failure, Loading } from '../ui/states';

const CLOUDS: [Cloud, string][] = [
  ['GLOBAL', 'Global'],
  ['CHINA_21VIANET', '21Vianet (China)'],
];

const words = (status: string) => status.toLowerCase().replaceAll('_', ' ');

/** Incidents and advisories per service and cloud; open to everyone, signed in or not. */
export function ServiceHealthPage() {
  const [cloud, setCloud] = useState<Cloud>('GLOBAL');
  return (
    <section className="health" aria-labelledby="health-title">
      <h1 id="health-title">Service health</h1>
      <fieldset>
        <legend>Cloud</legend>
        {CLOUDS.map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="cloud"
              value={value}
              checked={cloud === value}
              onChange={() => setCloud(value)}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <ServiceHealthSummary cloud={cloud} />
    </section>
  );
}

export function ServiceHealthSummary({ cloud }: { cloud: Cloud }) {
  const { data, error, refetch } = useQuery(ConsoleServiceHealthDocument, { variables: { cloud } });
  if (error && !data) return <Failure error={error} retry={() => refetch()} />;
  if (!data) return <Loading what="service health" />;
  if (data.serviceHealth.length === 0) return <Empty>No services are listed for this cloud.</Empty>;
  return (
    <ul className="services">
      {data.serviceHealth.map((s) => (
        <li key={s.service}>
          <h3>
            {s.service}:{' '}
            <span className={`status-${s.status.toLowerCase()}`}>{words(s.status)}</span>
          </h3>
          {s.issues.length === 0 ? (
            <p>No incidents or advisories.</p>
          ) : (
            <ul>
              {s.issues.map((issue) => (
                <li key={issue.id}>
                  <strong>
                    {issue.classification === 'INCIDENT' ? 'Incident' : 'Advisory'} {issue.id}
                  </strong>
                  : {issue.title} — {words(issue.status)}, since{' '}
                  <DateTime value={issue.startedAt} />
                  {issue.endedAt && (
                    <>
                      , ended <DateTime value={issue.endedAt} />
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
