import { Arg, Ctx, FieldResolver, ID, Query, Resolver } from 'type-graphql';
import { assertCan } from '../../../lib/access/policy';
import { NotFoundError, UnauthenticatedError } from '../../../lib/errors/domain-errors';
import { parseId } from '../../../lib/graphql/ids';
import { Parent } from '../../../lib/graphql/parent';
import type { AccountsContext } from '../context';
import { Organization } from '../entities/organization.entity';
import { RegisteredContact } from '../entities/registered-contact.entity';

/** Loads an organization the viewer may see, or refuses (NOT_FOUND when it does not exist). */
export async function loadVisibleOrganization(
  ctx: AccountsContext,
  id: string,
): Promise<Organization> {
  // Anonymous callers learn nothing, not even whether the organization exists.
  if (ctx.viewer.kind === 'anonymous') throw new UnauthenticatedError();
  const organization = await ctx.loaders.organizationById.load(parseId(id, 'id'));
  if (!organization) throw new NotFoundError('Organization', id);
  assertCan(ctx.viewer, 'organization:read', organization);
  return organization;
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, {
    nullable: true,
    description:
      'One organization the viewer may see (member, delegated partner, support engineer).',
  })
  organization(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: AccountsContext,
  ): Promise<Organization> {
    return loadVisibleOrganization(ctx, id);
  }

  @FieldResolver(() => [RegisteredContact], {
    nullable: true,
    description:
      'Contacts registered in the profile; null with FORBIDDEN for viewers without the right.',
  })
  async registeredContacts(
    @Parent() organization: Organization,
    @Ctx() ctx: AccountsContext,
  ): Promise<RegisteredContact[]> {
    assertCan(ctx.viewer, 'contacts:read', organization);
    return ctx.loaders.contactsByOrganizationId.load(organization.id);
  }
}
