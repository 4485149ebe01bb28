import {
  type ASTVisitor,
  type FloatValueNode,
  GraphQLError,
  type IntValueNode,
  type ValidationContext,
} from 'graphql';

/**
 * Refuses number literals that are not finite (`1e999`): the gateway's API schema knows custom
 * scalars only by name, so such a literal passes validation as a DateTime argument and then breaks
 * the query planner (Infinity cannot be printed back), which answered 500.
 */
export function finiteNumbersRule(context: ValidationContext): ASTVisitor {
  const check = (node: FloatValueNode | IntValueNode) => {
    if (Number.isFinite(Number(node.value))) return;
    context.reportError(
      new GraphQLError(`The number ${node.value} is out of range.`, {
        nodes: node,
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    );
  };
  return { FloatValue: check, IntValue: check };
}
