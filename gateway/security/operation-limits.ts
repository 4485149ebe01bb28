import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import { finiteNumbersRule } from './finite-numbers';

// Operation limits at the gateway (GraphQL Armor for depth, aliases, directives and cost; graphql-js'
// own parser limit for tokens), in the spirit of Apollo Router's limits and the OWASP GraphQL cheat
// sheet. Defaults let every contract operation through with room to spare (the deepest,
// PartnerDashboard, is 9 levels, ~120 tokens and costs ~10,600 by Armor's measure) and refuse
// what no client sends.

export interface OperationLimitsConfig {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** Hide "did you mean ...?" hints; on whenever introspection is off. */
  blockFieldSuggestions: boolean;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimitsConfig = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 1_000,
  maxCost: 20_000,
  blockFieldSuggestions: true,
};

/** graphql-js' message when the parser stops at maxTokens. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more th(an|at) \d+ tokens/;

export function createOperationLimits(limits: OperationLimitsConfig) {
  const rejections = new WeakSet<GraphQLError>();
  // Each limit reports one error of ours (Armor would otherwise report a copy per limit configured
  // with a shared handler list), remembered so the formatter answers OPERATION_TOO_COMPLEX.
  const report = (context: ValidationContext | null, error: GraphQLError) => {
    if (!context) return;
    const refusal = new GraphQLError(error.message.replace(/^Syntax Error: /, ''));
    rejections.add(refusal);
    context.reportError(refusal);
  };
  const guard = () => ({ onReject: [report], propagateOnRejection: false });
  const protection = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...guard() },
    maxAliases: { n: limits.maxAliases, ...guard() },
    maxDirectives: { n: limits.maxDirectives, ...guard() },
    costLimit: { maxCost: limits.maxCost, ...guard() },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: limits.blockFieldSuggestions },
  }).protect();
  return {
    plugins: protection.plugins,
    validationRules: [...protection.validationRules, finiteNumbersRule],
    parseOptions: { maxTokens: limits.maxTokens },
    /** True for the refusals of these limits: they are answered as OPERATION_TOO_COMPLEX. */
    isRejection: (error: unknown) =>
      rejections.has(error as GraphQLError) ||
      (error instanceof GraphQLError && TOKEN_LIMIT.test(error.message)),
  };
}
