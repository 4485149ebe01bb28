import { Arg, Ctx, FieldResolver, ID, Query, Resolver } from 'type-graphql';
import { Parent } from '../../../lib/graphql/parent';
import { loadVisibleCase } from '../commands/visible-case';
import type { CasesContext } from '../context';
import { CaseStatus } from '../domain/case-enums';
import { reopenableUntil } from '../domain/reopen-window';
import { responseClock } from '../domain/response-clock';
import { isAssessed } from '../domain/severity-assessment';
import { CaseNote } from '../entities/case-note.entity';
import { CaseSurvey } from '../entities/case-survey.entity';
import { HealthIssue } from '../entities/health-issue.entity';
import { SeverityChange } from '../entities/severity-change.entity';
import { SupportCase } from '../entities/support-case.entity';
import { CaseImpact } from '../types/case-impact.type';
import { CaseContact } from '../types/contact.type';
import { Organization } from '../types/organization.type';
import { Partner } from '../types/partner.type';
import { ResponseClock } from '../types/response-clock.type';
import { User } from '../types/user.type';

@Resolver(() => SupportCase)
export class CaseResolver {
  @Query(() => SupportCase, {
    nullable: true,
    description:
      "One case; needs the right to see the service requests of the case's organization.",
  })
  case(@Arg('id', () => ID) id: string, @Ctx() ctx: CasesContext): Promise<SupportCase> {
    return loadVisibleCase(ctx, id);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description:
      'Last instant a closed case may be reopened (closedAt + 14 days); null while open.',
  })
  reopenableUntil(@Parent() kase: SupportCase): Date | null {
    return reopenableUntil(kase);
  }

  @FieldResolver(() => ResponseClock, {
    description: 'The initial response target of the current cycle (reopening starts a new one).',
  })
  responseClock(@Parent() kase: SupportCase, @Ctx() ctx: CasesContext): ResponseClock {
    return responseClock(
      {
        dueAt: kase.dueAt ?? null,
        respondedAt: kase.respondedAt ?? null,
        closeReason: kase.closeReason ?? null,
      },
      ctx.now,
    );
  }

  @FieldResolver(() => Boolean, {
    description:
      'False while the requested severity stands provisionally, until support assesses it.',
  })
  severityAssessed(@Parent() kase: SupportCase): boolean {
    return isAssessed(kase.severitySource);
  }

  @FieldResolver(() => CaseImpact, {
    nullable: true,
    description: 'The impact stated when opening; null when none was.',
  })
  impact(@Parent() kase: SupportCase): CaseImpact | null {
    const { impactUsersAffected, impactServiceState, impactWorkaroundExists } = kase;
    if (!impactUsersAffected || !impactServiceState || impactWorkaroundExists == null) return null;
    return {
      usersAffected: impactUsersAffected,
      serviceState: impactServiceState,
      workaroundExists: impactWorkaroundExists,
    };
  }

  @FieldResolver(() => CaseContact)
  contact(@Parent() kase: SupportCase): CaseContact {
    return {
      phone: kase.contactPhone,
      email: kase.contactEmail,
      preferredMethod: kase.contactMethod,
    };
  }

  @FieldResolver(() => [CaseNote], { description: 'Notes from both sides, oldest first.' })
  notes(@Parent() kase: SupportCase, @Ctx() ctx: CasesContext): Promise<CaseNote[]> {
    return ctx.loaders.notesByCaseId.load(kase.id);
  }

  @FieldResolver(() => [SeverityChange], { description: 'Every severity change, oldest first.' })
  severityHistory(
    @Parent() kase: SupportCase,
    @Ctx() ctx: CasesContext,
  ): Promise<SeverityChange[]> {
    return ctx.loaders.severityChangesByCaseId.load(kase.id);
  }

  @FieldResolver(() => CaseSurvey, {
    nullable: true,
    description: 'The survey of the current closure; null while open or not yet answered.',
  })
  async survey(@Parent() kase: SupportCase, @Ctx() ctx: CasesContext): Promise<CaseSurvey | null> {
    if (kase.status !== CaseStatus.CLOSED) return null;
    const surveys = await ctx.loaders.surveysByCaseId.load(kase.id);
    return surveys.find((s) => s.closure === kase.reopenCount) ?? null;
  }

  @FieldResolver(() => HealthIssue, {
    nullable: true,
    description: 'The open service health incident on this topic when the case was opened.',
  })
  relatedIncident(
    @Parent() kase: SupportCase,
    @Ctx() ctx: CasesContext,
  ): Promise<HealthIssue | null> | null {
    return kase.relatedIncidentId ? ctx.loaders.issueById.load(kase.relatedIncidentId) : null;
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: "The organization; null on a partner's own request (see requestingPartner).",
  })
  organization(@Parent() kase: SupportCase): Organization | null {
    return kase.partnerRequestArea ? null : { id: kase.organizationId };
  }

  @FieldResolver(() => Partner, {
    nullable: true,
    description: "The partner whose own Partner Center request this is; null on a customer's case.",
  })
  requestingPartner(@Parent() kase: SupportCase): Partner | null {
    return kase.partnerRequestArea ? { id: kase.organizationId } : null;
  }

  @FieldResolver(() => User, { description: 'Who opened the case: an admin or a partner agent.' })
  openedBy(@Parent() kase: SupportCase): User {
    return { id: kase.openedById };
  }

  @FieldResolver(() => Partner, {
    nullable: true,
    description: 'The partner whose agent opened the case for its customer, if any.',
  })
  onBehalfOf(@Parent() kase: SupportCase): Partner | null {
    return kase.onBehalfOfPartnerId ? { id: kase.onBehalfOfPartnerId } : null;
  }
}
