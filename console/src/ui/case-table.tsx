import type { CaseSummaryFragment } from '../graphql/graphql';
import { Link } from '../router';
import { DateTime } from './date-time';
import { CATEGORY, STATUS } from './labels';
import { ResponseClock } from './response-clock';
import { Empty } from './states';

/** A table of cases with their clocks; `organization` adds a column for queues across tenants. */
export function CaseTable({
  cases,
  caption,
  empty,
  organizationOf,
}: {
  cases: CaseSummaryFragment[];
  caption: string;
  empty: string;
  organizationOf?: (c: CaseSummaryFragment) => string;
}) {
  if (cases.length === 0) return <Empty>{empty}</Empty>;
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            {organizationOf && <th scope="col">Organization</th>}
            <th scope="col">Severity</th>
            <th scope="col">Status</th>
            <th scope="col">Opened</th>
            <th scope="col">First response</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id} data-case-number={c.number}>
              <td>
                <Link to={`/cases/${encodeURIComponent(c.id)}`}>
                  {c.number}: {c.title}
                </Link>
                <br />
                <small>{CATEGORY[c.category]}</small>
              </td>
              {organizationOf && <td>{organizationOf(c)}</td>}
              <td>{c.severity}</td>
              <td>{STATUS[c.status]}</td>
              <td>
                <DateTime value={c.openedAt} />
              </td>
              <td>
                <ResponseClock clock={c.responseClock} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
