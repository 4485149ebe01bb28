import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { requireUser } from '../../../lib/access/policy';
import { AdminRole } from '../../../lib/graphql/enums';
import { Parent } from '../../../lib/graphql/parent';
import type { AccountsContext } from '../context';
import { Organization } from '../entities/organization.entity';
import { Partner } from '../entities/partner.entity';
import { User } from '../entities/user.entity';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { description: 'The signed-in person. UNAUTHENTICATED without a token.' })
  async viewer(@Ctx() ctx: AccountsContext): Promise<User> {
    requireUser(ctx.viewer);
    const user = await ctx.loaders.userById.load(ctx.viewer.userId!);
    if (!user) throw new Error(`viewer ${ctx.viewer.userId} vanished`);
    return user;
  }

  @FieldResolver(() => [AdminRole], { description: 'Admin roles held in the home organization.' })
  async adminRoles(@Parent() user: User, @Ctx() ctx: AccountsContext): Promise<AdminRole[]> {
    const homeId = user.organization?.id;
    if (!homeId) return [];
    const assignments = await ctx.loaders.rolesByUserId.load(user.id);
    return assignments.filter((a) => a.organization.id === homeId).map((a) => a.role);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description:
      'Home organization: the tenant, or the provider for support engineers; null for partner agents.',
  })
  organization(
    @Parent() user: User,
    @Ctx() ctx: AccountsContext,
  ): Promise<Organization | null> | null {
    return user.organization ? ctx.loaders.organizationById.load(user.organization.id) : null;
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'Set for partner agents.' })
  partner(@Parent() user: User, @Ctx() ctx: AccountsContext): Promise<Partner | null> | null {
    return user.partner ? ctx.loaders.partnerById.load(user.partner.id) : null;
  }
}
