import type { CasesContext } from '../context';
import { CaseEventKind, CaseStatus } from '../domain/case-enums';
import { assertStatusChange } from '../domain/case-lifecycle';
import type { SupportCase } from '../entities/support-case.entity';
import { mutateCase } from './case-mutation';

/** Support moves a case along the state machine; the customer's side may close it. */
export function setCaseStatus(
  ctx: CasesContext,
  caseId: string,
  status: CaseStatus,
): Promise<SupportCase> {
  return mutateCase(ctx, caseId, 'cases:manage', ({ kase, events, now, side }) => {
    assertStatusChange(kase.status, status, side);
    const before = { status: kase.status };
    kase.status = status;
    if (status === CaseStatus.CLOSED) kase.closedAt = now;
    events.add(CaseEventKind.STATUS_CHANGED, before, {
      status,
      closedAt: kase.closedAt ?? null,
    });
  });
}
