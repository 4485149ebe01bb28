// The cases subgraph's own vocabulary (contract/README.md, "Types and values"). Plain enums so
// the domain rules stay free of GraphQL; graphql-enums.ts registers them for the schema.

export enum CaseCategory {
  TECHNICAL = 'TECHNICAL',
  PRE_SALES = 'PRE_SALES',
  BILLING_AND_SUBSCRIPTION = 'BILLING_AND_SUBSCRIPTION',
}

/** What a partner's own Partner Center request is about (003). */
export enum PartnerRequestArea {
  TECHNICAL = 'TECHNICAL',
  BILLING = 'BILLING',
  CUSTOMER_MANAGEMENT = 'CUSTOMER_MANAGEMENT',
  SUBSCRIPTION_MANAGEMENT = 'SUBSCRIPTION_MANAGEMENT',
}

export enum Severity {
  A = 'A',
  B = 'B',
  C = 'C',
}

/** How many people the problem reaches (001's severity table: "multiple users" or "a single user"). */
export enum UsersAffected {
  SINGLE_USER = 'SINGLE_USER',
  MULTIPLE_USERS = 'MULTIPLE_USERS',
}

/** What the problem does to the service (001: unusable, usable but impaired, minimal impact). */
export enum ServiceState {
  UNUSABLE = 'UNUSABLE',
  IMPAIRED = 'IMPAIRED',
  BARELY_AFFECTED = 'BARELY_AFFECTED',
}

/** Who or what gave a case its current severity. */
export enum SeveritySource {
  /** The customer's request, standing until support assesses it. */
  REQUESTED = 'REQUESTED',
  /** Assessed at opening from the issue type and the stated impact. */
  STATED_IMPACT = 'STATED_IMPACT',
  /** Set by an organization with elevated support, whose benefit it is. */
  ELEVATED_SUPPORT = 'ELEVATED_SUPPORT',
  /** Assessed by a support engineer after opening. */
  SUPPORT_ENGINEER = 'SUPPORT_ENGINEER',
}

/** Why support closed a case other than by solving it. */
export enum CloseReason {
  OUT_OF_SCOPE = 'OUT_OF_SCOPE',
}

/** Whether a response target is stated by the provider's documents or is our own choice. */
export enum TargetBasis {
  DOCUMENTED = 'DOCUMENTED',
  OUR_POLICY = 'OUR_POLICY',
}

export enum CaseStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  WAITING_ON_CUSTOMER = 'WAITING_ON_CUSTOMER',
  CLOSED = 'CLOSED',
}

export enum ContactMethod {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
}

export enum ClockState {
  RUNNING = 'RUNNING',
  MET = 'MET',
  BREACHED = 'BREACHED',
  NO_COMMITMENT = 'NO_COMMITMENT',
}

export enum IssueClassification {
  INCIDENT = 'INCIDENT',
  ADVISORY = 'ADVISORY',
}

/**
 * Microsoft Graph `serviceHealthStatus`: the stored values are Graph's own, so a feed from Graph
 * needs no mapping; GraphQL exposes the keys, in the contract's SCREAMING_CASE.
 */
export enum ServiceHealthStatus {
  SERVICE_OPERATIONAL = 'serviceOperational',
  INVESTIGATING = 'investigating',
  RESTORING_SERVICE = 'restoringService',
  VERIFYING_SERVICE = 'verifyingService',
  SERVICE_RESTORED = 'serviceRestored',
  POST_INCIDENT_REVIEW_PUBLISHED = 'postIncidentReviewPublished',
  SERVICE_DEGRADATION = 'serviceDegradation',
  SERVICE_INTERRUPTION = 'serviceInterruption',
  EXTENDED_RECOVERY = 'extendedRecovery',
  FALSE_POSITIVE = 'falsePositive',
  INVESTIGATION_SUSPENDED = 'investigationSuspended',
  RESOLVED = 'resolved',
  MITIGATED_EXTERNAL = 'mitigatedExternal',
  MITIGATED = 'mitigated',
  RESOLVED_EXTERNAL = 'resolvedExternal',
  CONFIRMED = 'confirmed',
  REPORTED = 'reported',
}

/** Which hours count toward a response target (contract/README.md, "Support calendars"). */
export enum SupportCalendar {
  ALWAYS = 'ALWAYS',
  CN_SUPPORT_DAY = 'CN_SUPPORT_DAY',
  CN_BUSINESS_WEEK = 'CN_BUSINESS_WEEK',
  LOCAL_BUSINESS_WEEK = 'LOCAL_BUSINESS_WEEK',
}

/** What happened to a case; one event per change, the log live updates stream. */
export enum CaseEventKind {
  OPENED = 'OPENED',
  NOTE_ADDED = 'NOTE_ADDED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  SEVERITY_CHANGED = 'SEVERITY_CHANGED',
  FIRST_RESPONSE = 'FIRST_RESPONSE',
  ESCALATED = 'ESCALATED',
  ESCALATION_JUDGED = 'ESCALATION_JUDGED',
  REOPENED = 'REOPENED',
  SURVEY_SUBMITTED = 'SURVEY_SUBMITTED',
  RESPONSE_DUE_SOON = 'RESPONSE_DUE_SOON',
  RESPONSE_BREACHED = 'RESPONSE_BREACHED',
}
