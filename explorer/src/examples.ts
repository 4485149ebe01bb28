import { type DefinitionNode, Kind, type OperationTypeNode, parse, visit } from 'graphql';
import { EXAMPLE_VARIABLES } from './example-variables';

// The contract operations (contract/operations/*.graphql), bundled at build time, one example
// per operation with the fragments it uses, as the clients send them.

export interface Example {
  name: string;
  kind: OperationTypeNode;
  /** The contract file it comes from, e.g. case-actions.graphql. */
  file: string;
  query: string;
  variables: string;
}

const files = import.meta.glob<string>('../../contract/operations/*.graphql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Each definition's text with the comment lines above it (they say what it is for). */
function textsOf(
  source: string,
  definitions: readonly DefinitionNode[],
): Map<DefinitionNode, string> {
  return new Map(
    definitions.map((definition, index) => {
      const start = index === 0 ? 0 : (definitions[index - 1].loc?.end ?? 0);
      return [definition, source.slice(start, definition.loc?.end).trim()];
    }),
  );
}

function fragmentsUsed(node: DefinitionNode, fragments: Map<string, DefinitionNode>): Set<string> {
  const used = new Set<string>();
  const follow = (from: DefinitionNode) =>
    visit(from, {
      FragmentSpread(spread) {
        if (used.has(spread.name.value)) return;
        used.add(spread.name.value);
        const fragment = fragments.get(spread.name.value);
        if (fragment) follow(fragment);
      },
    });
  follow(node);
  return used;
}

function examplesOf(file: string, source: string): Example[] {
  const definitions = parse(source).definitions;
  const texts = textsOf(source, definitions);
  const fragments = new Map(
    definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  return definitions.flatMap((definition) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) return [];
    const name = definition.name.value;
    const parts = [
      definition,
      ...[...fragmentsUsed(definition, fragments)].map((f) => fragments.get(f)!),
    ];
    const placeholders = Object.fromEntries(
      (definition.variableDefinitions ?? []).map((v) => [v.variable.name.value, null]),
    );
    return [
      {
        name,
        kind: definition.operation,
        file,
        query: `${parts.map((part) => texts.get(part)).join('\n\n')}\n`,
        variables: JSON.stringify(EXAMPLE_VARIABLES[name] ?? placeholders, null, 2),
      },
    ];
  });
}

export const EXAMPLES: Example[] = Object.entries(files)
  .sort(([a], [b]) => a.localeCompare(b))
  .flatMap(([path, source]) => examplesOf(path.split('/').pop()!, source));
