import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';

// Client operations are documents, run as shipped: the vendored contract and the project's own.
export const CONTRACT_DIR = join(__dirname, '..', '..', 'contract', 'operations');

export function contractFiles(): string[] {
  return readdirSync(CONTRACT_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
}

export function readContract(file: string): string {
  return readFileSync(join(CONTRACT_DIR, file), 'utf8');
}

const byOperation = new Map<string, string>();
for (const file of contractFiles()) {
  const source = readContract(file);
  for (const definition of parse(source).definitions) {
    if (definition.kind === 'OperationDefinition' && definition.name) {
      byOperation.set(definition.name.value, source);
    }
  }
}

/** The whole document that holds the named contract operation (send it with operationName). */
export function contractDocument(operationName: string): string {
  const source = byOperation.get(operationName);
  if (!source) throw new Error(`no contract operation named ${operationName}`);
  return source;
}
