import { describe, expect, it } from 'vitest';
import {
  REMEDIATION_THRESHOLD,
  reviewEscalations,
} from '../../../subgraphs/cases/domain/escalation-review';

const NOW = new Date('2026-06-01T00:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const judged = (appropriate: boolean | null, days = 1) => ({
  appropriate,
  judgedAt: appropriate === null ? null : daysAgo(days),
});

describe('reviewEscalations (issue 12.7)', () => {
  it('counts appropriate, inappropriate and unjudged escalations', () => {
    expect(reviewEscalations([judged(true), judged(false), judged(null)], NOW)).toEqual({
      escalated: 3,
      appropriate: 1,
      inappropriate: 1,
      awaitingJudgement: 1,
      inappropriateInWindow: 1,
      remediationPlanDue: false,
    });
  });

  it('makes a plan due at the threshold of inappropriate ones within the window', () => {
    expect(REMEDIATION_THRESHOLD).toEqual({ inappropriate: 3, windowDays: 90 });
    const two = [judged(false), judged(false, 30)];
    expect(reviewEscalations(two, NOW).remediationPlanDue).toBe(false);
    expect(reviewEscalations([...two, judged(false, 89)], NOW).remediationPlanDue).toBe(true);
  });

  it('forgets inappropriate judgements older than the window, but still counts them', () => {
    const review = reviewEscalations([judged(false), judged(false, 10), judged(false, 91)], NOW);
    expect(review).toMatchObject({ inappropriate: 3, inappropriateInWindow: 2 });
    expect(review.remediationPlanDue).toBe(false);
  });

  it('never makes a plan due for appropriate escalations, however many', () => {
    const many = Array.from({ length: 10 }, () => judged(true));
    expect(reviewEscalations(many, NOW).remediationPlanDue).toBe(false);
  });
});
