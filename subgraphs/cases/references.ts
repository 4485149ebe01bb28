import { requireUser } from '../../lib/access/policy';
import type { Cloud } from '../../lib/domain/enums';
import type { ReferenceResolvers } from '../../lib/federation/build-subgraph-schema';
import { parseId } from '../../lib/graphql/ids';
import type { CasesContext } from './context';

// How other subgraphs' references to the types cases extends are resolved. An Organization
// carries its id and, when a field @requires it, the cloud accounts gave the gateway; each field
// decides access on its own. A Partner is its id.
export const casesReferences: ReferenceResolvers = {
  Organization: {
    __resolveReference: (ref: { id: string; cloud?: Cloud }, ctx: CasesContext) => {
      requireUser(ctx.viewer);
      return { id: parseId(ref.id, 'id'), cloud: ref.cloud };
    },
  },
  Partner: {
    __resolveReference: (ref: { id: string }, ctx: CasesContext) => {
      requireUser(ctx.viewer);
      return { id: parseId(ref.id, 'id') };
    },
  },
} as ReferenceResolvers;
