import { Ctx, Field, FieldResolver, ObjectType, Resolver } from 'type-graphql';
import { ForbiddenError } from '../../../lib/errors/domain-errors';
import { AdminRole } from '../../../lib/graphql/enums';
import { Parent } from '../../../lib/graphql/parent';
import type { AccountsContext } from '../context';
import { Organization } from '../entities/organization.entity';
import { Partner } from '../entities/partner.entity';

@ObjectType({ description: 'A customer that currently delegates admin roles to the partner.' })
export class PartnerCustomer {
  @Field(() => [AdminRole])
  roles!: AdminRole[];

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Organization)
  organization!: Organization;
}

@Resolver(() => Partner)
export class PartnerResolver {
  @FieldResolver(() => [PartnerCustomer], {
    description: "Customers with a valid delegation; only the partner's own agents may list them.",
  })
  async customers(
    @Parent() partner: Partner,
    @Ctx() ctx: AccountsContext,
  ): Promise<PartnerCustomer[]> {
    if (ctx.viewer.partnerId !== partner.id) {
      throw new ForbiddenError('Only agents of this partner may list its customers.');
    }
    const delegations = await ctx.loaders.delegationsByPartnerId.load(partner.id);
    const valid = delegations.filter((d) => d.isValidAt(ctx.now));
    const organizations = await ctx.loaders.organizationById.loadMany(
      valid.map((d) => d.organization.id),
    );
    return valid.map((d, i) => ({
      roles: d.roles,
      expiresAt: d.endsAt,
      organization: organizations[i] as Organization,
    }));
  }
}
