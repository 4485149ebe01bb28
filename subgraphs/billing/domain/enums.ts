// Billing enums as plain TypeScript, so the domain rules and their tests need no GraphQL or ORM.
// graphql-enums.ts registers them with type-graphql.

export enum PlanKind {
  /** A suite (Business, Enterprise, Frontline) whose family sets the support level. */
  BASE = 'BASE',
  /** A single paid service (e.g. Exchange Online Plan 1): enterprise level of support. */
  STANDALONE = 'STANDALONE',
  /** Premier or Professional Direct: an add-on that elevates support, not a plan of its own. */
  ELEVATED_SUPPORT = 'ELEVATED_SUPPORT',
}

export enum SubscriptionStatus {
  TRIAL = 'TRIAL',
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  CANCELED = 'CANCELED',
}

export enum PurchaseChannel {
  DIRECT = 'DIRECT',
  PARTNER = 'PARTNER',
}

export enum SupportedBy {
  PROVIDER = 'PROVIDER',
  PARTNER = 'PARTNER',
}

export enum InvoiceStatus {
  /** The running period (or a closed one the billing cycle has not issued yet): no number yet. */
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
  PAID = 'PAID',
  /** Issued, unpaid, past its due date. */
  OVERDUE = 'OVERDUE',
}
