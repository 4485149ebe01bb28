import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

// Which fields a client asked for below the current one, so a read can fetch only what they
// need. Conservative: @skip/@include are not evaluated (a skipped field still counts).

function collect(
  selectionSet: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
  path: readonly string[],
  into: Set<string>,
): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === 'InlineFragment') {
      collect(selection.selectionSet, info, path, into);
    } else if (selection.kind === 'FragmentSpread') {
      collect(info.fragments[selection.name.value]?.selectionSet, info, path, into);
    } else if (path.length === 0) {
      into.add(selection.name.value);
    } else if (selection.name.value === path[0]) {
      collect(selection.selectionSet, info, path.slice(1), into);
    }
  }
}

/** Names of the fields selected at `path` below the resolved field (e.g. ['edges', 'node']). */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const node of info.fieldNodes) collect(node.selectionSet, info, path, names);
  return names;
}
