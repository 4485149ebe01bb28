import { requireCaller } from '../../lib/access/policy';
import type { ReferenceResolvers } from '../../lib/federation/build-subgraph-schema';
import { parseId } from '../../lib/graphql/ids';
import type { BillingContext } from './context';

// Billing owns no organization row: a reference is the id, and each field checks its own right.
export const billingReferences: ReferenceResolvers = {
  Organization: {
    __resolveReference: (ref: { id: string }, ctx: BillingContext) => {
      requireCaller(ctx.viewer);
      return { id: parseId(ref.id, 'id') };
    },
  },
} as ReferenceResolvers;
