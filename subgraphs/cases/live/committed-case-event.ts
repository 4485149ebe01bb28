import type { Cloud } from '../../../lib/domain/enums';
import type { CaseEventKind } from '../domain/case-enums';

/** The notice a committed case event travels as: ids and scope only, never the case itself. */
export interface CommittedCaseEvent {
  id: number;
  caseId: string;
  organizationId: string;
  cloud: Cloud;
  kind: CaseEventKind;
  at: Date;
}

/** A plain copy with the notice fields only (a row read from the log carries more). */
export function toCommitted(e: CommittedCaseEvent): CommittedCaseEvent {
  return {
    id: e.id,
    caseId: e.caseId,
    organizationId: e.organizationId,
    cloud: e.cloud,
    kind: e.kind,
    at: e.at,
  };
}
