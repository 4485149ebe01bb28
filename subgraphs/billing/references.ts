import { requireCaller } from '../../lib/access/policy';
import type { Cloud } from '../../lib/domain/enums';
import type { ReferenceResolvers } from '../../lib/federation/build-subgraph-schema';
import { parseId } from '../../lib/graphql/ids';
import type { BillingContext } from './context';
import type { Organization } from './types/organization.type';

// Billing owns no organization row: a reference is the id plus, for the fields that @require it,
// the cloud accounts resolved. Each field checks its own right, so the internal service identity
// (cases reading an entitlement through _entities) gets what the policy lets it read.
export const billingReferences: ReferenceResolvers = {
  Organization: {
    __resolveReference: (
      ref: { id: string; cloud?: Cloud | null },
      ctx: BillingContext,
    ): Organization => {
      requireCaller(ctx.viewer);
      return { id: parseId(ref.id, 'id'), cloud: ref.cloud ?? null };
    },
  },
} as ReferenceResolvers;
