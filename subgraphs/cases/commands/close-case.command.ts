import { randomUUID } from 'node:crypto';
import type { CasesContext } from '../context';
import { CaseEventKind, CaseStatus, type CloseReason } from '../domain/case-enums';
import { LIMITS, requiredText } from '../domain/case-input-rules';
import { assertStatusChange } from '../domain/case-lifecycle';
import { clockState } from '../domain/response-clock';
import { CaseNote } from '../entities/case-note.entity';
import type { SupportCase } from '../entities/support-case.entity';
import { mutateCase } from './case-mutation';

/**
 * Support closes a case with a reason the customer sees, e.g. OUT_OF_SCOPE (the customer's own
 * network, a third-party service or add-in: 001, 000, 002), and a note saying where to turn.
 * The note is support's answer: it is the first response when there was none, and the clock of
 * an out-of-scope case counts as met.
 */
export function closeCase(
  ctx: CasesContext,
  caseId: string,
  reason: CloseReason,
  note: string,
): Promise<SupportCase> {
  const text = requiredText(note, 'note', LIMITS.note);
  return mutateCase(ctx, caseId, 'cases:respond', ({ em, kase, events, now, actor }) => {
    assertStatusChange(kase.status, CaseStatus.CLOSED, 'support');
    const written = em.create(CaseNote, {
      id: `note-${randomUUID()}`,
      caseId: kase.id,
      body: text,
      at: now,
      authorId: actor.id,
      fromSupport: true,
    });
    events.add(CaseEventKind.NOTE_ADDED, null, { noteId: written.id, fromSupport: true });
    kase.closeReason = reason;
    kase.closeNote = text;
    if (!kase.respondedAt) {
      kase.respondedAt = now;
      const clock = clockState(
        { dueAt: kase.dueAt ?? null, respondedAt: now, closeReason: reason },
        now,
      );
      events.add(CaseEventKind.FIRST_RESPONSE, { respondedAt: null }, { respondedAt: now, clock });
    }
    const before = { status: kase.status };
    kase.status = CaseStatus.CLOSED;
    kase.closedAt = now;
    events.add(CaseEventKind.STATUS_CHANGED, before, {
      status: kase.status,
      closedAt: now,
      closeReason: reason,
      noteId: written.id,
    });
  });
}
