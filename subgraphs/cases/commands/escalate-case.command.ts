import { randomUUID } from 'node:crypto';
import { isAgentOf } from '../../../lib/access/policy';
import { ForbiddenError, InvalidTransitionError } from '../../../lib/errors/domain-errors';
import type { CasesContext } from '../context';
import { CaseEventKind } from '../domain/case-enums';
import { LIMITS, requiredText } from '../domain/case-input-rules';
import { assertNotClosed } from '../domain/case-lifecycle';
import { CaseNote } from '../entities/case-note.entity';
import type { SupportCase } from '../entities/support-case.entity';
import { mutateCase } from './case-mutation';

/**
 * A partner escalates a case it opened for a customer, when it cannot solve the problem itself
 * (003). Escalations are counted per partner; the reason becomes a note for support.
 */
export function escalateCase(
  ctx: CasesContext,
  caseId: string,
  reason: string,
): Promise<SupportCase> {
  const why = requiredText(reason, 'reason', LIMITS.reason);
  return mutateCase(ctx, caseId, 'cases:manage', ({ em, kase, events, now, actor }) => {
    if (!isAgentOf(ctx.viewer, kase.onBehalfOfPartnerId)) {
      throw new ForbiddenError(
        'Only the partner that opened this case on behalf of its customer can escalate it.',
      );
    }
    assertNotClosed(kase.status, 'escalate it');
    if (kase.escalated) throw new InvalidTransitionError('The case is already escalated.');
    const note = em.create(CaseNote, {
      id: `note-${randomUUID()}`,
      caseId: kase.id,
      body: `Escalated: ${why}`,
      at: now,
      authorId: actor.id,
      fromSupport: false,
    });
    kase.escalated = true;
    events.add(
      CaseEventKind.ESCALATED,
      { escalated: false },
      { escalated: true, partnerId: kase.onBehalfOfPartnerId, reason: why, noteId: note.id },
    );
  });
}
