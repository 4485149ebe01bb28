import { IssueClassification, ServiceHealthStatus } from './case-enums';

// How a service's current status follows from its issues, in Microsoft Graph's
// serviceHealthStatus vocabulary: an issue whose status is one of the closing ones has ended.

const S = ServiceHealthStatus;

export const ENDING_STATUSES: ReadonlySet<ServiceHealthStatus> = new Set([
  S.SERVICE_OPERATIONAL,
  S.SERVICE_RESTORED,
  S.POST_INCIDENT_REVIEW_PUBLISHED,
  S.FALSE_POSITIVE,
  S.INVESTIGATION_SUSPENDED,
  S.RESOLVED,
  S.RESOLVED_EXTERNAL,
  S.MITIGATED,
  S.MITIGATED_EXTERNAL,
]);

export const isEndingStatus = (status: ServiceHealthStatus): boolean => ENDING_STATUSES.has(status);

interface IssueState {
  classification: IssueClassification;
  status: ServiceHealthStatus;
  startedAt: Date;
  endedAt?: Date | null;
}

/** Operational unless an issue is ongoing; incidents outrank advisories, then the newest wins. */
export function serviceStatus(issues: readonly IssueState[]): ServiceHealthStatus {
  const ongoing = issues
    .filter((i) => !i.endedAt)
    .sort(
      (a, b) =>
        Number(b.classification === IssueClassification.INCIDENT) -
          Number(a.classification === IssueClassification.INCIDENT) ||
        b.startedAt.getTime() - a.startedAt.getTime(),
    );
  return ongoing[0]?.status ?? S.SERVICE_OPERATIONAL;
}
