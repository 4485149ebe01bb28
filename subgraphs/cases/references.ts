import { requireUser } from '../../lib/access/policy';
import type { ReferenceResolvers } from '../../lib/federation/build-subgraph-schema';
import { parseId } from '../../lib/graphql/ids';
import type { CasesContext } from './context';

// How other subgraphs' references to the types cases extends are resolved. An Organization
// carries nothing here but its id; its cases field decides access on its own.
export const casesReferences: ReferenceResolvers = {
  Organization: {
    __resolveReference: (ref: { id: string }, ctx: CasesContext) => {
      requireUser(ctx.viewer);
      return { id: parseId(ref.id, 'id') };
    },
  },
} as ReferenceResolvers;
