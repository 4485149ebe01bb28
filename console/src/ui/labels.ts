import type { CaseCategory, CaseEventKind, CaseStatus } from '../graphql/graphql';

// Enum values in the words a person reads.
export const STATUS: Record<CaseStatus, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  WAITING_ON_CUSTOMER: 'Waiting on customer',
  CLOSED: 'Closed',
};

export const CATEGORY: Record<CaseCategory, string> = {
  TECHNICAL: 'Technical',
  PRE_SALES: 'Pre-sales',
  BILLING_AND_SUBSCRIPTION: 'Billing and subscription',
};

export const EVENT: Record<CaseEventKind, string> = {
  OPENED: 'Case opened',
  NOTE_ADDED: 'Note added',
  STATUS_CHANGED: 'Status changed',
  SEVERITY_CHANGED: 'Severity changed',
  FIRST_RESPONSE: 'First response from support',
  ESCALATED: 'Escalated to the provider',
  ESCALATION_JUDGED: 'Escalation reviewed by support',
  REOPENED: 'Case reopened',
  SURVEY_SUBMITTED: 'Survey submitted',
  RESPONSE_DUE_SOON: 'First response due soon',
  RESPONSE_BREACHED: 'First response target breached',
};

export const SEVERITY_HINT = {
  A: 'A — critical: business stopped',
  B: 'B — high: significant impact',
  C: 'C — non-critical',
} as const;
