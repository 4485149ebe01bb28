import { type DocumentNode, Kind, visit } from 'graphql';

/**
 * Whether a subscription asks to replay from a cursor (an `after` argument with a value, inline
 * or through a variable that is set): such a stream is its own, never shared with another client.
 */
export function replaysFromCursor(
  document: DocumentNode,
  variables: Record<string, unknown>,
): boolean {
  let replays = false;
  visit(document, {
    Argument(node) {
      if (node.name.value !== 'after') return;
      const { value } = node;
      if (value.kind === Kind.VARIABLE) {
        if (variables[value.name.value] != null) replays = true;
      } else if (value.kind !== Kind.NULL) {
        replays = true;
      }
    },
  });
  return replays;
}

/**
 * The variables a subscription uses only as its `after` cursor: they choose where the upstream
 * stream starts and play no part in resolving an event.
 */
export function cursorOnlyVariables(document: DocumentNode): Set<string> {
  const cursor = new Set<string>();
  const elsewhere = new Set<string>();
  let inAfter = 0;
  visit(document, {
    VariableDefinition: () => false,
    Argument: {
      enter(node) {
        if (node.name.value === 'after') inAfter++;
      },
      leave(node) {
        if (node.name.value === 'after') inAfter--;
      },
    },
    Variable(node) {
      (inAfter > 0 ? cursor : elsewhere).add(node.name.value);
    },
  });
  for (const name of elsewhere) cursor.delete(name);
  return cursor;
}
