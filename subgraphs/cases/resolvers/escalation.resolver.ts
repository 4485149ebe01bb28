import { Args, Ctx, FieldResolver, Mutation, Resolver } from 'type-graphql';
import { canReadPartnerRecord, requireUser } from '../../../lib/access/policy';
import { ForbiddenError } from '../../../lib/errors/domain-errors';
import { Parent } from '../../../lib/graphql/parent';
import { judgeEscalation } from '../commands/judge-escalation.command';
import type { CasesContext } from '../context';
import { REMEDIATION_RULE, reviewEscalations } from '../domain/escalation-review';
import { SupportCase } from '../entities/support-case.entity';
import { EscalationJudgement, EscalationReview } from '../types/escalation.type';
import { JudgeEscalationArgs } from '../types/judge-escalation.args';
import { Partner } from '../types/partner.type';

function assertPartnerRecordReader(ctx: CasesContext, partnerId: string | null | undefined): void {
  requireUser(ctx.viewer);
  if (!partnerId || !canReadPartnerRecord(ctx.viewer, partnerId)) {
    throw new ForbiddenError("Only the partner's own agents and support see its escalations.");
  }
}

// Escalations are a matter between a partner and support: customers do not see the judgement.
@Resolver(() => SupportCase)
export class EscalationJudgementResolver {
  @Mutation(() => SupportCase, {
    description: "Support judges a partner's escalation appropriate or not, with a reason.",
  })
  judgeEscalation(
    @Args(() => JudgeEscalationArgs) { caseId, appropriate, reason }: JudgeEscalationArgs,
    @Ctx() ctx: CasesContext,
  ): Promise<SupportCase> {
    return judgeEscalation(ctx, caseId, appropriate, reason);
  }

  @FieldResolver(() => EscalationJudgement, {
    nullable: true,
    description:
      "Support's judgement of the escalation; null until judged. The partner's agents and " +
      'support only (FORBIDDEN otherwise).',
  })
  escalationJudgement(
    @Parent() kase: SupportCase,
    @Ctx() ctx: CasesContext,
  ): EscalationJudgement | null {
    if (!kase.escalated) return null;
    assertPartnerRecordReader(ctx, kase.onBehalfOfPartnerId);
    if (kase.escalationAppropriate == null || !kase.escalationJudgedAt) return null;
    return {
      appropriate: kase.escalationAppropriate,
      reason: kase.escalationJudgementReason ?? '',
      judgedAt: kase.escalationJudgedAt,
      judgedBy: { id: kase.escalationJudgedById ?? '' },
    };
  }
}

@Resolver(() => Partner)
export class PartnerEscalationReviewResolver {
  @FieldResolver(() => EscalationReview, {
    nullable: true,
    description:
      "How support judged the partner's escalations and whether a remediation plan is due; for " +
      'its own agents and support engineers (null with FORBIDDEN otherwise).',
  })
  async escalationReview(
    @Parent() partner: Partner,
    @Ctx() ctx: CasesContext,
  ): Promise<EscalationReview> {
    assertPartnerRecordReader(ctx, partner.id);
    const judged = await ctx.loaders.escalationJudgements.load(partner.id);
    return { ...reviewEscalations(judged, ctx.now), remediationRule: REMEDIATION_RULE };
  }
}
