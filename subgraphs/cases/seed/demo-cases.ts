import { ORG, PARTNER } from '../../../lib/demo/demo-tenants';
import {
  CaseCategory,
  CaseStatus,
  CloseReason,
  ContactMethod,
  PartnerRequestArea,
  ServiceState,
  Severity,
  UsersAffected,
} from '../domain/case-enums';
import type { StatedImpact } from '../domain/severity-assessment';

// The demo tenants' cases, relative to the seeding instant. Open cases have no response yet;
// every other one was answered `respondedAfterMinutes` after it was opened.

export interface DemoCase {
  id: string;
  organizationId: string;
  openedById: string;
  onBehalfOfPartnerId?: string;
  category: CaseCategory;
  topic: string;
  title: string;
  description: string;
  /** As the customer asked; the seed assesses it with the real rules (demo-severity.ts). */
  severity: Severity;
  impact?: StatedImpact;
  businessImpact?: string;
  /** A support engineer's assessment after opening. */
  assessed?: { to: Severity; reason: string; minutesAfterOpening: number };
  closeReason?: CloseReason;
  closeNote?: string;
  status: CaseStatus;
  openedHoursAgo: number;
  respondedAfterMinutes?: number;
  closedHoursAgo?: number;
  escalated?: boolean;
  /** Support's judgement of the escalation (003). */
  escalationJudgement?: { appropriate: boolean; reason: string };
  /** A partner's own Partner Center request: organizationId then holds the partner's id. */
  partnerRequestArea?: PartnerRequestArea;
  contactMethod: ContactMethod;
}

const { TECHNICAL, PRE_SALES, BILLING_AND_SUBSCRIPTION } = CaseCategory;
const { OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER, CLOSED } = CaseStatus;
const { PHONE, EMAIL } = ContactMethod;

export const DEMO_CASES: DemoCase[] = [
  {
    id: 'case-contoso-1',
    organizationId: ORG.contoso,
    openedById: 'user-alice',
    category: TECHNICAL,
    topic: 'Exchange Online mailbox migration',
    title: 'Mailbox migration batch stuck at 80%',
    description: 'The cutover batch for 18 mailboxes stopped syncing; users cannot send mail.',
    severity: Severity.A,
    status: IN_PROGRESS,
    openedHoursAgo: 2,
    respondedAfterMinutes: 40,
    contactMethod: PHONE,
  },
  {
    id: 'case-contoso-2',
    organizationId: ORG.contoso,
    openedById: 'user-alice',
    category: TECHNICAL,
    topic: 'Autodiscover',
    title: 'Outlook keeps prompting for credentials after the Autodiscover change',
    description: 'Since the DNS change yesterday, Outlook desktop prompts for a password hourly.',
    severity: Severity.B,
    status: OPEN,
    openedHoursAgo: 5,
    contactMethod: EMAIL,
  },
  {
    id: 'case-contoso-3',
    organizationId: ORG.contoso,
    openedById: 'user-alice',
    category: TECHNICAL,
    topic: 'Microsoft 365 Apps install',
    title: 'Microsoft 365 Apps install fails with error 30015-11',
    description: 'Installing Microsoft 365 Apps on two new laptops stops at 90% with 30015-11.',
    severity: Severity.C,
    status: CLOSED,
    openedHoursAgo: 6 * 24,
    respondedAfterMinutes: 180,
    closedHoursAgo: 3 * 24,
    contactMethod: EMAIL,
  },
  {
    id: 'case-contoso-4',
    organizationId: ORG.contoso,
    openedById: 'user-carol',
    category: BILLING_AND_SUBSCRIPTION,
    topic: 'Adding or removing licences',
    title: 'Charged for 30 licences after reducing to 25',
    description: 'We removed five Business Standard licences but the invoice still bills 30.',
    severity: Severity.B,
    status: CLOSED,
    openedHoursAgo: 23 * 24,
    respondedAfterMinutes: 20 * 60,
    closedHoursAgo: 20 * 24,
    contactMethod: EMAIL,
  },
  {
    id: 'case-contoso-5',
    organizationId: ORG.contoso,
    openedById: 'user-alice',
    category: TECHNICAL,
    topic: 'Outlook',
    title: "Outlook's Send button displays incorrectly",
    description: 'For our receptionist the Send button renders as a blank grey box.',
    severity: Severity.A,
    impact: {
      usersAffected: UsersAffected.SINGLE_USER,
      serviceState: ServiceState.IMPAIRED,
      workaroundExists: false,
    },
    status: OPEN,
    openedHoursAgo: 1,
    contactMethod: EMAIL,
  },
  {
    id: 'case-fabrikam-1',
    organizationId: ORG.fabrikam,
    openedById: 'user-dan',
    category: TECHNICAL,
    topic: 'SharePoint Online external users',
    title: 'External partners cannot open the shared project site',
    description: 'Guests invited to the project site get "access denied" after accepting.',
    severity: Severity.B,
    status: OPEN,
    openedHoursAgo: 0.5,
    contactMethod: EMAIL,
  },
  {
    id: 'case-fabrikam-2',
    organizationId: ORG.fabrikam,
    openedById: 'user-dan',
    category: TECHNICAL,
    topic: 'Active Directory synchronisation',
    title: 'Directory sync stopped: new hires missing from Microsoft 365',
    description: 'No changes synchronised since the Entra Connect upgrade this morning.',
    severity: Severity.A,
    status: IN_PROGRESS,
    openedHoursAgo: 3,
    respondedAfterMinutes: 80,
    escalated: true,
    contactMethod: PHONE,
  },
  {
    id: 'case-fabrikam-3',
    organizationId: ORG.fabrikam,
    openedById: 'user-dan',
    category: TECHNICAL,
    topic: 'Single sign-on',
    title: 'Sign-in loop for users on the Berlin office network',
    description: 'Users on the office network loop between the sign-in page and the portal.',
    severity: Severity.C,
    status: CLOSED,
    openedHoursAgo: 10 * 24,
    respondedAfterMinutes: 60,
    closedHoursAgo: 8 * 24,
    contactMethod: EMAIL,
  },
  {
    id: 'case-northwind-1',
    organizationId: ORG.northwind,
    openedById: 'user-wei',
    category: TECHNICAL,
    topic: 'Exchange Online shared mailboxes',
    title: 'Sales shared mailbox unreachable for all users',
    description: 'Nobody can open the sales@ shared mailbox; orders are arriving there.',
    severity: Severity.A,
    businessImpact: 'Customer orders arrive in sales@ and nobody can process them.',
    status: IN_PROGRESS,
    openedHoursAgo: 1.5,
    respondedAfterMinutes: 30,
    contactMethod: PHONE,
  },
  {
    id: 'case-northwind-2',
    organizationId: ORG.northwind,
    openedById: 'user-wei',
    category: TECHNICAL,
    topic: 'Domains',
    title: 'Custom domain verification keeps failing',
    description: 'The TXT record is published but domain verification fails after 24 hours.',
    severity: Severity.B,
    impact: {
      usersAffected: UsersAffected.MULTIPLE_USERS,
      serviceState: ServiceState.IMPAIRED,
      workaroundExists: false,
    },
    status: OPEN,
    openedHoursAgo: 20,
    contactMethod: EMAIL,
  },
  {
    id: 'case-northwind-3',
    organizationId: ORG.northwind,
    openedById: 'user-zhang',
    category: BILLING_AND_SUBSCRIPTION,
    topic: 'Renewing a subscription',
    title: 'Renewal quote shows the wrong licence count',
    description: 'The Office 365 E3 renewal quote lists 450 licences; we hold 500.',
    severity: Severity.B,
    status: WAITING_ON_CUSTOMER,
    openedHoursAgo: 48,
    respondedAfterMinutes: 180,
    contactMethod: EMAIL,
  },
  {
    id: 'case-northwind-4',
    organizationId: ORG.northwind,
    openedById: 'user-wei',
    category: TECHNICAL,
    topic: 'Mail forwarding',
    title: 'Forwarding to an external address is not applied',
    description: 'A mailbox forwarding rule to a supplier address is saved but never applied.',
    severity: Severity.C,
    status: CLOSED,
    openedHoursAgo: 14 * 24,
    respondedAfterMinutes: 20 * 60,
    closedHoursAgo: 10 * 24,
    contactMethod: EMAIL,
  },
  {
    id: 'case-northwind-5',
    organizationId: ORG.northwind,
    openedById: 'user-wei',
    category: TECHNICAL,
    topic: 'Exchange Online mail flow',
    title: 'Mail is slow only at the Suzhou branch office',
    description:
      'From the branch office network Outlook takes minutes to send; from home it is fine.',
    severity: Severity.B,
    status: CLOSED,
    openedHoursAgo: 3 * 24,
    respondedAfterMinutes: 4 * 60,
    closedHoursAgo: 3 * 24 - 4,
    closeReason: CloseReason.OUT_OF_SCOPE,
    closeNote:
      'The service answers normally from other networks; the delay is on the branch office ' +
      'network, which 21Vianet support does not cover. Please work with your networking team.',
    contactMethod: EMAIL,
  },
  {
    id: 'case-tailspin-1',
    organizationId: ORG.tailspin,
    openedById: 'user-litware-agent',
    onBehalfOfPartnerId: PARTNER.litware,
    category: TECHNICAL,
    topic: 'Microsoft 365 Apps install',
    title: 'Office activation fails on new laptops',
    description: 'Litware tried re-assigning licences in the admin centre; activation still fails.',
    severity: Severity.B,
    status: OPEN,
    openedHoursAgo: 4,
    contactMethod: PHONE,
  },
  {
    id: 'case-tailspin-2',
    organizationId: ORG.tailspin,
    openedById: 'user-litware-agent',
    onBehalfOfPartnerId: PARTNER.litware,
    category: TECHNICAL,
    topic: 'Mailbox permissions',
    title: "Manager needs full access to a departed employee's mailbox",
    description: 'Granting full access from the admin centre fails with an unknown error.',
    severity: Severity.C,
    status: CLOSED,
    openedHoursAgo: 9 * 24,
    respondedAfterMinutes: 10 * 60,
    closedHoursAgo: 5 * 24,
    escalated: true,
    escalationJudgement: {
      appropriate: false,
      reason:
        'Granting full access to a mailbox is documented for the admin centre; Litware had the ' +
        'role and the documentation to do it.',
    },
    contactMethod: EMAIL,
  },
  {
    id: 'case-litware-1',
    organizationId: PARTNER.litware,
    openedById: 'user-litware-agent',
    partnerRequestArea: PartnerRequestArea.CUSTOMER_MANAGEMENT,
    category: BILLING_AND_SUBSCRIPTION,
    topic: 'Partner Center customer list',
    title: 'A new customer does not appear in Partner Center',
    description: 'Tailspin accepted our invitation yesterday; Partner Center still lists nothing.',
    severity: Severity.B,
    status: OPEN,
    openedHoursAgo: 2,
    contactMethod: EMAIL,
  },
  {
    id: 'case-adatum-1',
    organizationId: ORG.adatum,
    openedById: 'user-hana',
    category: TECHNICAL,
    topic: 'SharePoint Online permissions',
    title: 'Site owners cannot change document library permissions',
    description: 'Owners of the finance site get an error when breaking permission inheritance.',
    severity: Severity.B,
    assessed: {
      to: Severity.C,
      reason:
        'Only the finance site is affected and a site collection admin can change the ' +
        'permissions meanwhile.',
      minutesAfterOpening: 20,
    },
    status: OPEN,
    openedHoursAgo: 1,
    contactMethod: EMAIL,
  },
  {
    id: 'case-adatum-2',
    organizationId: ORG.adatum,
    openedById: 'user-hana',
    category: PRE_SALES,
    topic: 'Plans for frontline workers',
    title: 'Which plan fits 200 warehouse staff?',
    description: 'Warehouse staff need e-mail and Teams on shared devices; which plan fits?',
    severity: Severity.C,
    status: CLOSED,
    openedHoursAgo: 15 * 24,
    respondedAfterMinutes: 6 * 60,
    closedHoursAgo: 12 * 24,
    contactMethod: EMAIL,
  },
];
