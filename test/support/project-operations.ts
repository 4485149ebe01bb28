import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';

// The project's own operations (test/operations/*.graphql), run by name like the contract's.
const DIR = join(__dirname, '..', 'operations');

const byOperation = new Map<string, string>();
for (const file of readdirSync(DIR).filter((f) => f.endsWith('.graphql'))) {
  const source = readFileSync(join(DIR, file), 'utf8');
  for (const definition of parse(source).definitions) {
    if (definition.kind === 'OperationDefinition' && definition.name) {
      byOperation.set(definition.name.value, source);
    }
  }
}

/** The whole document that holds the named operation (send it with operationName). */
export function projectDocument(operationName: string): string {
  const source = byOperation.get(operationName);
  if (!source) throw new Error(`no project operation named ${operationName}`);
  return source;
}

/**
 * The named operation alone, as written in its file (with the file's fragments), for a request
 * that sends no operationName.
 */
export function projectOperation(operationName: string): string {
  const source = projectDocument(operationName);
  const definitions = parse(source).definitions;
  const pieces = definitions.filter(
    (d) =>
      d.kind === 'FragmentDefinition' ||
      (d.kind === 'OperationDefinition' && d.name?.value === operationName),
  );
  return pieces.map((d) => source.slice(d.loc!.start, d.loc!.end)).join('\n\n');
}
