import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { AdminRole } from '../../../lib/graphql/enums';
import { assignAdminRole, removeAdminRole } from '../commands/admin-role.commands';
import type { AccountsContext } from '../context';
import { User } from '../entities/user.entity';

@Resolver()
export class AdminRoleResolver {
  @Mutation(() => User, {
    description: 'Global admins: give a member of the organization an admin role.',
  })
  assignAdminRole(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => AdminRole) role: AdminRole,
    @Ctx() ctx: AccountsContext,
  ) {
    return assignAdminRole(ctx, organizationId, userId, role);
  }

  @Mutation(() => User, {
    description: 'Global admins: take an admin role away (never the last global admin).',
  })
  removeAdminRole(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => AdminRole) role: AdminRole,
    @Ctx() ctx: AccountsContext,
  ) {
    return removeAdminRole(ctx, organizationId, userId, role);
  }
}
