import { GraphQLJSON as JSONScalar } from 'graphql-scalars';

/** Arbitrary JSON, used for the before/after snapshots of audit entries. */
export const GraphQLJSON = JSONScalar;
