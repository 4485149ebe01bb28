import { randomUUID } from 'node:crypto';
import type { CasesContext } from '../context';
import { CaseEventKind, CaseStatus } from '../domain/case-enums';
import { LIMITS, requiredText } from '../domain/case-input-rules';
import { assertReopenable } from '../domain/reopen-window';
import { responseDueAt } from '../domain/response-target';
import { CaseNote } from '../entities/case-note.entity';
import type { SupportCase } from '../entities/support-case.entity';
import { mutateCase } from './case-mutation';

/**
 * Reopens a case closed less than 14 days ago. A new response cycle starts now: the case's
 * target, on its calendar, counts again from this instant. The reason becomes a note for support.
 */
export function reopenCase(
  ctx: CasesContext,
  caseId: string,
  reason: string,
): Promise<SupportCase> {
  const why = requiredText(reason, 'reason', LIMITS.reason);
  return mutateCase(ctx, caseId, 'cases:reopen', ({ em, kase, events, now, actor }) => {
    assertReopenable(kase, now);
    const before = {
      status: kase.status,
      closedAt: kase.closedAt ?? null,
      dueAt: kase.dueAt ?? null,
      respondedAt: kase.respondedAt ?? null,
      closeReason: kase.closeReason ?? null,
    };
    const note = em.create(CaseNote, {
      id: `note-${randomUUID()}`,
      caseId: kase.id,
      body: `Reopened: ${why}`,
      at: now,
      authorId: actor.id,
      fromSupport: false,
    });
    kase.status = CaseStatus.OPEN;
    kase.closedAt = null;
    kase.closeReason = null;
    kase.closeNote = null;
    kase.reopenCount += 1;
    kase.cycleStartedAt = now;
    kase.respondedAt = null;
    kase.dueAt = responseDueAt(
      { target: kase.responseTarget ?? null, calendar: kase.responseCalendar },
      kase.organizationTimeZone,
      now,
    );
    events.add(CaseEventKind.REOPENED, before, {
      status: kase.status,
      reopenCount: kase.reopenCount,
      dueAt: kase.dueAt,
      reason: why,
      noteId: note.id,
    });
  });
}
