import { DEMO_USERS } from '../../../lib/demo/demo-tenants';
import { Cloud } from '../../../lib/domain/enums';
import { CaseEventKind, CaseStatus, type Severity } from '../domain/case-enums';
import type { SupportCase } from '../entities/support-case.entity';
import type { DemoCase } from './demo-cases';
import { demoSeverity } from './demo-severity';

// What happened to a demo case before seeding, as notes and events, so the seeded database looks
// like one the API itself wrote: a support note for every first response, a status change for
// every case that moved on, an escalation where there was one.

const ENGINEER: Record<Cloud, string> = {
  [Cloud.GLOBAL]: 'user-engineer-global',
  [Cloud.CHINA_21VIANET]: 'user-engineer-cn',
};

/** The demo support engineer of a cloud. */
export const engineerOf = (cloud: Cloud): string => ENGINEER[cloud];

export interface DemoNote {
  caseId: string;
  body: string;
  at: Date;
  authorId: string;
  fromSupport: boolean;
}

export interface DemoSeverityChange {
  caseId: string;
  from: Severity;
  to: Severity;
  reason: string;
  at: Date;
  changedById: string;
}

export interface DemoEvent {
  kase: SupportCase;
  kind: CaseEventKind;
  actorId: string;
  at: Date;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const emailOf = (userId: string) => DEMO_USERS.find((u) => u.id === userId)?.email ?? null;

export function demoHistory(kase: SupportCase, demo: DemoCase) {
  const engineer = ENGINEER[kase.cloud];
  const notes: DemoNote[] = [];
  const severityChanges: DemoSeverityChange[] = [];
  const { atOpening } = demoSeverity(demo);
  const events: DemoEvent[] = [
    {
      kase,
      kind: CaseEventKind.OPENED,
      actorId: kase.openedById,
      at: kase.openedAt,
      before: null,
      after: {
        number: kase.number,
        severity: atOpening,
        requestedSeverity: kase.requestedSeverity,
        status: CaseStatus.OPEN,
      },
    },
  ];
  if (demo.assessed) {
    const at = new Date(kase.openedAt.getTime() + demo.assessed.minutesAfterOpening * 60_000);
    const change = { from: atOpening, to: demo.assessed.to, reason: demo.assessed.reason };
    severityChanges.push({ caseId: kase.id, ...change, at, changedById: engineer });
    events.push({
      kase,
      kind: CaseEventKind.SEVERITY_CHANGED,
      actorId: engineer,
      at,
      before: { severity: change.from },
      after: { severity: change.to, dueAt: kase.dueAt ?? null, reason: change.reason },
    });
  }
  if (kase.respondedAt) {
    const at = kase.respondedAt;
    notes.push({
      caseId: kase.id,
      body:
        demo.closeNote ??
        'Thank you for the details. We are looking into it and will update you here.',
      at,
      authorId: engineer,
      fromSupport: true,
    });
    events.push(
      {
        kase,
        kind: CaseEventKind.NOTE_ADDED,
        actorId: engineer,
        at,
        before: null,
        after: { fromSupport: true },
      },
      {
        kase,
        kind: CaseEventKind.FIRST_RESPONSE,
        actorId: engineer,
        at,
        before: { respondedAt: null },
        after: { respondedAt: at },
      },
    );
  }
  if (demo.escalated) {
    const at = new Date((kase.respondedAt ?? kase.openedAt).getTime() + 60_000);
    events.push({
      kase,
      kind: CaseEventKind.ESCALATED,
      actorId: kase.openedById,
      at,
      before: { escalated: false },
      after: { escalated: true },
    });
  }
  if (demo.escalationJudgement && kase.escalationJudgedAt) {
    events.push({
      kase,
      kind: CaseEventKind.ESCALATION_JUDGED,
      actorId: engineer,
      at: kase.escalationJudgedAt,
      before: { appropriate: null, reason: null },
      after: { ...demo.escalationJudgement, partnerId: kase.onBehalfOfPartnerId ?? null },
    });
  }
  if (kase.status !== CaseStatus.OPEN) {
    const at = kase.closedAt ?? new Date((kase.respondedAt ?? kase.openedAt).getTime() + 120_000);
    events.push({
      kase,
      kind: CaseEventKind.STATUS_CHANGED,
      actorId: engineer,
      at,
      before: { status: CaseStatus.OPEN },
      after: { status: kase.status, closeReason: kase.closeReason ?? null },
    });
  }
  return { notes, events, severityChanges };
}

export { emailOf };
