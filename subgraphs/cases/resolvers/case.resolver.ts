import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { assertCan } from '../../../lib/access/policy';
import { NotFoundError } from '../../../lib/errors/domain-errors';
import { parseId } from '../../../lib/graphql/ids';
import type { CasesContext } from '../context';
import { reopenableUntil } from '../domain/reopen-window';
import { responseClock } from '../domain/response-clock';
import { SupportCase } from '../entities/support-case.entity';
import { Organization } from '../types/organization.type';
import { Partner } from '../types/partner.type';
import { ResponseClock } from '../types/response-clock.type';
import { User } from '../types/user.type';

/** Loads a case the viewer may read, or refuses (NOT_FOUND when it does not exist). */
export async function loadVisibleCase(ctx: CasesContext, id: string): Promise<SupportCase> {
  const kase = await ctx.loaders.caseById.load(parseId(id, 'id'));
  if (!kase) throw new NotFoundError('Case', id);
  assertCan(ctx.viewer, 'cases:read', { id: kase.organizationId, cloud: kase.cloud });
  return kase;
}

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
  reopenableUntil(@Root() kase: SupportCase): Date | null {
    return reopenableUntil(kase);
  }

  @FieldResolver(() => ResponseClock)
  responseClock(@Root() kase: SupportCase, @Ctx() ctx: CasesContext): ResponseClock {
    return responseClock(
      { dueAt: kase.dueAt ?? null, respondedAt: kase.respondedAt ?? null },
      ctx.now,
    );
  }

  @FieldResolver(() => Organization)
  organization(@Root() kase: SupportCase): Organization {
    return { id: kase.organizationId };
  }

  @FieldResolver(() => User, { description: 'Who opened the case: an admin or a partner agent.' })
  openedBy(@Root() kase: SupportCase): User {
    return { id: kase.openedById };
  }

  @FieldResolver(() => Partner, {
    nullable: true,
    description: 'The partner whose agent opened the case for its customer, if any.',
  })
  onBehalfOf(@Root() kase: SupportCase): Partner | null {
    return kase.onBehalfOfPartnerId ? { id: kase.onBehalfOfPartnerId } : null;
  }
}
