import { randomUUID } from 'node:crypto';
import type { CasesContext } from '../context';
import { CaseEventKind } from '../domain/case-enums';
import { LIMITS, requiredText } from '../domain/case-input-rules';
import { assertNotClosed, statusAfterNote } from '../domain/case-lifecycle';
import { clockState } from '../domain/response-clock';
import { CaseNote } from '../entities/case-note.entity';
import type { SupportCase } from '../entities/support-case.entity';
import { mutateCase } from './case-mutation';

/**
 * A note from either side. Support's first note of a response cycle is the first response: it
 * stops the clock, MET or BREACHED against dueAt. A customer answering a case that waits on them
 * hands it back to support.
 */
export function addCaseNote(ctx: CasesContext, caseId: string, body: string): Promise<SupportCase> {
  const text = requiredText(body, 'body', LIMITS.note);
  return mutateCase(ctx, caseId, 'cases:manage', ({ em, kase, events, now, actor, side }) => {
    assertNotClosed(kase.status, 'add a note');
    const note = em.create(CaseNote, {
      id: `note-${randomUUID()}`,
      caseId: kase.id,
      body: text,
      at: now,
      authorId: actor.id,
      fromSupport: side === 'support',
    });
    events.add(CaseEventKind.NOTE_ADDED, null, { noteId: note.id, fromSupport: note.fromSupport });
    if (side === 'support' && !kase.respondedAt) {
      kase.respondedAt = now;
      const clock = clockState({ dueAt: kase.dueAt ?? null, respondedAt: now }, now);
      events.add(CaseEventKind.FIRST_RESPONSE, { respondedAt: null }, { respondedAt: now, clock });
    }
    const status = statusAfterNote(kase.status, side);
    if (status !== kase.status) {
      events.add(CaseEventKind.STATUS_CHANGED, { status: kase.status }, { status });
      kase.status = status;
    }
  });
}
