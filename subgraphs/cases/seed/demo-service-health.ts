import { Cloud } from '../../../lib/domain/enums';
import { IssueClassification, ServiceHealthStatus } from '../domain/case-enums';

// The demo service health history: one open incident per cloud, plus some past issues, on the
// services of domain/service-catalog.ts.

export interface DemoIssue {
  id: string;
  cloud: Cloud;
  service: string;
  title: string;
  classification: IssueClassification;
  status: ServiceHealthStatus;
  startedHoursAgo: number;
  /** Absent while the issue is ongoing. */
  endedHoursAgo?: number;
}

export const DEMO_ISSUES: DemoIssue[] = [
  {
    id: 'EX1047823',
    cloud: Cloud.GLOBAL,
    service: 'Exchange Online',
    title: 'Some users may experience delays sending or receiving email',
    classification: IssueClassification.INCIDENT,
    status: ServiceHealthStatus.SERVICE_DEGRADATION,
    startedHoursAgo: 3,
  },
  {
    id: 'TM1039912',
    cloud: Cloud.GLOBAL,
    service: 'Microsoft Teams',
    title: 'Users could not join meetings from the Teams web app',
    classification: IssueClassification.INCIDENT,
    status: ServiceHealthStatus.SERVICE_RESTORED,
    startedHoursAgo: 6 * 24,
    endedHoursAgo: 6 * 24 - 4,
  },
  {
    id: 'SP1041007',
    cloud: Cloud.GLOBAL,
    service: 'SharePoint Online',
    title: 'Search results for recently added files may be delayed',
    classification: IssueClassification.ADVISORY,
    status: ServiceHealthStatus.SERVICE_RESTORED,
    startedHoursAgo: 2 * 24,
    endedHoursAgo: 36,
  },
  {
    id: 'TM2048816',
    cloud: Cloud.CHINA_21VIANET,
    service: 'Microsoft Teams',
    title: 'Users may be unable to join Teams meetings',
    classification: IssueClassification.INCIDENT,
    status: ServiceHealthStatus.SERVICE_INTERRUPTION,
    startedHoursAgo: 1,
  },
  {
    id: 'EX2045530',
    cloud: Cloud.CHINA_21VIANET,
    service: 'Exchange Online',
    title: 'Delayed delivery of email from external senders',
    classification: IssueClassification.INCIDENT,
    status: ServiceHealthStatus.POST_INCIDENT_REVIEW_PUBLISHED,
    startedHoursAgo: 4 * 24,
    endedHoursAgo: 4 * 24 - 6,
  },
];
