import { requireCaller, requireUser } from '../../lib/access/policy';
import type { ReferenceResolvers } from '../../lib/federation/build-subgraph-schema';
import type { AccountsContext } from './context';
import { loadVisibleOrganization } from './resolvers/organization.resolver';

// How other subgraphs' references to accounts entities are resolved: all through loaders.
export const accountsReferences: ReferenceResolvers = {
  Organization: {
    __resolveReference: (ref: { id: string }, ctx: AccountsContext) =>
      loadVisibleOrganization(ctx, ref.id),
  },
  User: {
    __resolveReference: (ref: { id: string }, ctx: AccountsContext) => {
      requireUser(ctx.viewer);
      return ctx.loaders.userById.load(ref.id);
    },
  },
  Partner: {
    __resolveReference: (ref: { id: string }, ctx: AccountsContext) => {
      requireCaller(ctx.viewer);
      return ctx.loaders.partnerById.load(ref.id);
    },
  },
} as ReferenceResolvers;
