import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { DEMO_USERS } from '../../lib/demo/demo-tenants';
import { Cloud } from '../../lib/domain/enums';
import { CASE_EVENT_SEQUENCE } from './commands/case-event-recorder';
import { ensureServiceCatalog } from './commands/ensure-service-catalog.command';
import { caseNumberSequence, formatCaseNumber } from './domain/case-number';
import { responseDueAt } from './domain/response-target';
import { CaseEvent } from './entities/case-event.entity';
import { CaseNote } from './entities/case-note.entity';
import { HealthIssue } from './entities/health-issue.entity';
import { HealthIssuePost } from './entities/health-issue-post.entity';
import { SequenceCounter } from './entities/sequence-counter.entity';
import { SeverityChange } from './entities/severity-change.entity';
import { SupportCase } from './entities/support-case.entity';
import { DEMO_CASES, type DemoCase } from './seed/demo-cases';
import { type DemoEvent, demoHistory, emailOf, engineerOf } from './seed/demo-history';
import { DEMO_ISSUES } from './seed/demo-service-health';
import { demoSeverity } from './seed/demo-severity';
import { demoCaseTarget, demoOwner } from './seed/demo-targets';

const HOUR = 3_600_000;

const hoursBefore = (now: Date, hours: number) => new Date(now.getTime() - hours * HOUR);

/** The opener must be an admin of the organization, or an agent of the partner acting for it. */
function opener(c: DemoCase) {
  const user = DEMO_USERS.find((u) => u.id === c.openedById);
  const partnerId = c.partnerRequestArea ? c.organizationId : c.onBehalfOfPartnerId;
  const valid = partnerId
    ? user?.partnerId === partnerId
    : user?.organizationId === c.organizationId && user.roles.length > 0;
  if (!user || !valid) throw new Error(`demo case ${c.id}: ${c.openedById} may not open it`);
  return user;
}

function demoCase(tx: EntityManager, c: DemoCase, number: string, now: Date): SupportCase {
  const owner = demoOwner(c);
  const openedAt = hoursBefore(now, c.openedHoursAgo);
  const { columns } = demoSeverity(c);
  const target = demoCaseTarget(c, columns.severity);
  const judged = c.escalationJudgement;
  return tx.create(SupportCase, {
    id: c.id,
    number,
    organizationId: c.organizationId,
    partnerRequestArea: c.partnerRequestArea ?? null,
    cloud: owner.cloud,
    category: c.category,
    topic: c.topic,
    title: c.title,
    description: c.description,
    businessImpact: c.businessImpact ?? null,
    ...columns,
    closeReason: c.closeReason ?? null,
    closeNote: c.closeNote ?? null,
    status: c.status,
    openedAt,
    closedAt: c.closedHoursAgo === undefined ? null : hoursBefore(now, c.closedHoursAgo),
    escalated: c.escalated ?? false,
    escalationAppropriate: judged?.appropriate ?? null,
    escalationJudgementReason: judged?.reason ?? null,
    escalationJudgedAt: judged ? hoursBefore(now, c.closedHoursAgo ?? 0) : null,
    escalationJudgedById: judged ? engineerOf(owner.cloud) : null,
    responseTarget: target.target,
    responseCalendar: target.calendar,
    organizationTimeZone: target.timeZone,
    cycleStartedAt: openedAt,
    dueAt: responseDueAt(target, target.timeZone, openedAt),
    respondedAt:
      c.respondedAfterMinutes === undefined
        ? null
        : new Date(openedAt.getTime() + c.respondedAfterMinutes * 60_000),
    openedById: opener(c).id,
    onBehalfOfPartnerId: c.onBehalfOfPartnerId ?? null,
    contactPhone: owner.phone,
    contactEmail: opener(c).email,
    contactMethod: c.contactMethod,
    createdAt: openedAt,
  });
}

async function seedServiceHealth(tx: EntityManager, now: Date): Promise<void> {
  await ensureServiceCatalog(tx, now);
  for (const { startedHoursAgo, endedHoursAgo, ...issue } of DEMO_ISSUES) {
    const startedAt = hoursBefore(now, startedHoursAgo);
    const endedAt = endedHoursAgo === undefined ? null : hoursBefore(now, endedHoursAgo);
    tx.create(HealthIssue, { ...issue, startedAt, endedAt, updatedAt: endedAt ?? startedAt });
    tx.create(HealthIssuePost, {
      id: `post-${issue.id}-1`,
      issueId: issue.id,
      at: endedAt ?? startedAt,
      body: endedAt
        ? 'The issue is resolved. A review of the cause will follow.'
        : "We're investigating the cause and will post an update within an hour.",
      status: issue.status,
    });
  }
}

/** Seeds the demo tenants' cases and service health; a database with cases is left alone. */
export async function seedCases(em: EntityManager, now = new Date()): Promise<boolean> {
  if ((await em.count(SupportCase)) > 0) return false;
  await em.transactional(async (tx) => {
    // Numbers run per cloud in the order the cases were opened.
    const sequence: Record<Cloud, number> = { [Cloud.GLOBAL]: 0, [Cloud.CHINA_21VIANET]: 0 };
    const events: DemoEvent[] = [];
    const oldestFirst = [...DEMO_CASES].sort((a, b) => b.openedHoursAgo - a.openedHoursAgo);
    for (const c of oldestFirst) {
      const { cloud } = demoOwner(c);
      sequence[cloud] += 1;
      const kase = demoCase(tx, c, formatCaseNumber(cloud, sequence[cloud]), now);
      const history = demoHistory(kase, c);
      for (const note of history.notes) {
        tx.create(CaseNote, { id: `note-${randomUUID()}`, ...note });
      }
      for (const change of history.severityChanges) {
        tx.create(SeverityChange, { id: `sev-${randomUUID()}`, ...change });
      }
      events.push(...history.events);
    }
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    events.forEach(({ kase, ...event }, i) => {
      tx.create(CaseEvent, {
        ...event,
        id: i + 1,
        caseId: kase.id,
        organizationId: kase.organizationId,
        cloud: kase.cloud,
        actorEmail: emailOf(event.actorId),
      });
    });
    for (const cloud of Object.values(Cloud)) {
      tx.create(SequenceCounter, { name: caseNumberSequence(cloud), value: sequence[cloud] });
    }
    tx.create(SequenceCounter, { name: CASE_EVENT_SEQUENCE, value: events.length });
    await seedServiceHealth(tx, now);
  });
  return true;
}
