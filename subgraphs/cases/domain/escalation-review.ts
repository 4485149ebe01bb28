// How a partner's escalations were judged, and whether a remediation plan is due (003: "if
// 21Vianet determines that you are inappropriately escalating issues then, upon request, you agree
// to meet to discuss a remediation plan"). The documents set no threshold: ours is below. Pure.

/** Ours: this many escalations judged inappropriate within the window make a plan due. */
export const REMEDIATION_THRESHOLD = { inappropriate: 3, windowDays: 90 } as const;

export const REMEDIATION_RULE =
  `A remediation plan is due once ${REMEDIATION_THRESHOLD.inappropriate} escalations ` +
  `were judged inappropriate within ${REMEDIATION_THRESHOLD.windowDays} days (our threshold).`;

export interface JudgedEscalation {
  /** Null while support has not judged it. */
  appropriate: boolean | null;
  judgedAt: Date | null;
}

export interface EscalationReview {
  escalated: number;
  appropriate: number;
  inappropriate: number;
  awaitingJudgement: number;
  /** Inappropriate judgements within the window ending now. */
  inappropriateInWindow: number;
  remediationPlanDue: boolean;
}

const DAY_MS = 86_400_000;

export function reviewEscalations(
  escalations: readonly JudgedEscalation[],
  now: Date,
): EscalationReview {
  const since = now.getTime() - REMEDIATION_THRESHOLD.windowDays * DAY_MS;
  const inappropriate = escalations.filter((e) => e.appropriate === false);
  const inappropriateInWindow = inappropriate.filter(
    (e) => e.judgedAt !== null && e.judgedAt.getTime() > since,
  ).length;
  return {
    escalated: escalations.length,
    appropriate: escalations.filter((e) => e.appropriate === true).length,
    inappropriate: inappropriate.length,
    awaitingJudgement: escalations.filter((e) => e.appropriate === null).length,
    inappropriateInWindow,
    remediationPlanDue: inappropriateInWindow >= REMEDIATION_THRESHOLD.inappropriate,
  };
}
