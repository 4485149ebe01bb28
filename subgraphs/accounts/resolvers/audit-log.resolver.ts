import { Arg, Ctx, FieldResolver, Int, Resolver } from 'type-graphql';
import { assertCan } from '../../../lib/access/policy';
import { AuditEntry } from '../../../lib/audit/audit-entry.entity';
import { BadUserInputError } from '../../../lib/errors/domain-errors';
import { Parent } from '../../../lib/graphql/parent';
import type { AccountsContext } from '../context';
import { Organization } from '../entities/organization.entity';

@Resolver(() => Organization)
export class AuditLogResolver {
  @FieldResolver(() => [AuditEntry], {
    nullable: true,
    description:
      'Changes to roles, contacts, delegations and caller verifications, newest first (admins).',
  })
  async auditLog(
    @Parent() organization: Organization,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: AccountsContext,
  ): Promise<AuditEntry[]> {
    assertCan(ctx.viewer, 'audit:read', organization);
    if (first < 1 || first > 200)
      throw new BadUserInputError('first must be between 1 and 200.', 'first');
    return ctx.em.find(
      AuditEntry,
      { organizationId: organization.id },
      { orderBy: { at: 'desc', id: 'desc' }, limit: first },
    );
  }
}
