import { Entity, Enum, Index, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Cloud } from '../../../lib/graphql/enums';
import {
  CaseCategory,
  CaseStatus,
  CloseReason,
  ContactMethod,
  PartnerRequestArea,
  ServiceState,
  Severity,
  SeveritySource,
  SupportCalendar,
  UsersAffected,
} from '../graphql-enums';

/** A partial index over running response clocks: no first response yet, not closed. */
const runningClocksIndex = (name: string, columns: string) => ({
  name,
  expression: `create index "${name}" on "support_case" (${columns}) where "responded_at" is null and "status" <> 'CLOSED'`,
});

/**
 * A service request. The organization, its users and partners live in accounts: they are kept
 * here as plain id columns, never foreign keys, because each subgraph owns its own database.
 */
@ObjectType('Case', { description: 'A service request (support case) of one organization.' })
@Entity({ tableName: 'support_case' })
@Index({ properties: ['organizationId', 'openedAt'] })
@Unique({ properties: ['cloud', 'number'] })
// The database, not a read-then-write check, makes a raced retry return the first case.
@Unique({ properties: ['organizationId', 'idempotencyKey'] })
@Index({ properties: ['onBehalfOfPartnerId', 'escalated'] })
// Running response clocks by due time: the response-alarm scan, and a cloud's support queue.
// Partial, so they hold only the cases a clock still runs for (an IS NULL column in a plain
// index would not give the due-time order: PostgreSQL sorts instead).
@Index(runningClocksIndex('support_case_running_due_at_index', '"due_at"'))
@Index(runningClocksIndex('support_case_running_cloud_due_at_index', '"cloud", "due_at"'))
export class SupportCase {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @Field(() => String, { description: 'Human-friendly, unique per cloud: GL-000123, CN-000045.' })
  @Property({ type: 'string', length: 20 })
  number!: string;

  /**
   * The owner: the organization, or for a partner's own Partner Center request
   * (`partnerRequestArea` set) the partner, whose id lives here so that lists, numbering, clocks
   * and events work alike for both.
   */
  @Property({ type: 'string', length: 80 })
  organizationId!: string;

  /** Copied from the organization when opened: numbering and engineer access are per cloud. */
  @Enum({ items: () => Cloud, type: 'string' })
  cloud!: Cloud;

  @Field(() => CaseCategory)
  @Enum({ items: () => CaseCategory, type: 'string' })
  category!: CaseCategory;

  @Field(() => String, { description: 'e.g. Exchange Online mailbox migration.' })
  @Property({ type: 'string', length: 120 })
  topic!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  description!: string;

  @Field(() => String, {
    nullable: true,
    description: 'How the problem affects the business; required for severity A on 21Vianet.',
  })
  @Property({ type: 'text', nullable: true })
  businessImpact?: string | null;

  @Field(() => Severity)
  @Enum({ items: () => Severity, type: 'string' })
  severity!: Severity;

  @Field(() => CaseStatus)
  @Enum({ items: () => CaseStatus, type: 'string' })
  status: CaseStatus & Opt = CaseStatus.OPEN;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  openedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  reopenCount: number & Opt = 0;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  escalated: boolean & Opt = false;

  /** Target of the current severity (ISO 8601 duration); null when there is no commitment. */
  @Property({ type: 'string', length: 20, nullable: true })
  responseTarget?: string | null;

  /** Which hours count toward the target; kept so that reopening counts the same way. */
  @Enum({ items: () => SupportCalendar, type: 'string' })
  responseCalendar!: SupportCalendar;

  /** The organization's IANA zone at opening: LOCAL_BUSINESS_WEEK counts in it. */
  @Property({ type: 'string', length: 64 })
  organizationTimeZone!: string;

  /** Start of the current response cycle: openedAt, then each reopening. */
  @Property({ type: 'datetime' })
  cycleStartedAt!: Date;

  /** Initial response due in this cycle; null when the plan makes no commitment for this case. */
  @Property({ type: 'datetime', nullable: true })
  dueAt?: Date | null;

  /** First response from support in the current response cycle. */
  @Property({ type: 'datetime', nullable: true })
  respondedAt?: Date | null;

  @Property({ type: 'string', length: 80 })
  openedById!: string;

  /** Set when a partner agent opened the case for its customer. */
  @Property({ type: 'string', length: 80, nullable: true })
  onBehalfOfPartnerId?: string | null;

  @Property({ type: 'string', length: 40 })
  contactPhone!: string;

  @Property({ type: 'string', length: 320 })
  contactEmail!: string;

  @Enum({ items: () => ContactMethod, type: 'string' })
  contactMethod!: ContactMethod;

  @Field(() => String, {
    nullable: true,
    description: 'The key the case was opened with: a retried submit returns this case.',
  })
  @Property({ type: 'string', length: 128, nullable: true })
  idempotencyKey?: string | null;

  /** An open service health incident that matched the topic when the case was opened. */
  @Property({ type: 'string', length: 80, nullable: true })
  relatedIncidentId?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  // Who sets the severity (issue 12.1) and why a case was closed (12.5).

  @Field(() => Severity, { description: 'The severity the customer asked for when opening.' })
  @Enum({ items: () => Severity, type: 'string' })
  requestedSeverity!: Severity;

  @Field(() => SeveritySource)
  @Enum({ items: () => SeveritySource, type: 'string' })
  severitySource!: SeveritySource;

  @Field(() => String, {
    description: 'Why the case has its severity: the severity table row, or the rule that decided.',
  })
  @Property({ type: 'text' })
  severityReason!: string;

  /** The impact the customer stated when opening; all three or none. */
  @Enum({ items: () => UsersAffected, type: 'string', nullable: true })
  impactUsersAffected?: UsersAffected | null;

  @Enum({ items: () => ServiceState, type: 'string', nullable: true })
  impactServiceState?: ServiceState | null;

  @Property({ type: 'boolean', nullable: true })
  impactWorkaroundExists?: boolean | null;

  @Field(() => CloseReason, {
    nullable: true,
    description: 'Why support closed the case without solving it; null otherwise.',
  })
  @Enum({ items: () => CloseReason, type: 'string', nullable: true })
  closeReason?: CloseReason | null;

  @Field(() => String, {
    nullable: true,
    description: 'What support said when closing it so: where to turn instead.',
  })
  @Property({ type: 'text', nullable: true })
  closeNote?: string | null;

  @Field(() => PartnerRequestArea, {
    nullable: true,
    description: "Set on a partner's own Partner Center request: what it is about.",
  })
  @Enum({ items: () => PartnerRequestArea, type: 'string', nullable: true })
  partnerRequestArea?: PartnerRequestArea | null;

  // Support's judgement of a partner's escalation (003: inappropriate escalations can lead to a
  // remediation plan). Null until judged; a later judgement replaces it, the event log keeps both.

  @Property({ type: 'boolean', nullable: true })
  escalationAppropriate?: boolean | null;

  @Property({ type: 'text', nullable: true })
  escalationJudgementReason?: string | null;

  @Property({ type: 'datetime', nullable: true })
  escalationJudgedAt?: Date | null;

  @Property({ type: 'string', length: 80, nullable: true })
  escalationJudgedById?: string | null;
}
