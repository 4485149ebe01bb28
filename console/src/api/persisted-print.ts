import { type ASTNode, Kind } from 'graphql';
import persisted from '../graphql/persisted-documents.json';

// The console sends each operation exactly as its code generator persisted it (hash -> body):
// that is the text the gateway's trusted-documents manifest registers, byte for byte.
const bodies = new Map<string, string>();
for (const body of Object.values(persisted as Record<string, string>)) {
  const name = /\b(?:query|mutation|subscription)\s+(\w+)/.exec(body)?.[1];
  if (name) bodies.set(name, body);
}

function operationName(node: ASTNode): string | undefined {
  if (node.kind !== Kind.DOCUMENT) return undefined;
  for (const definition of node.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) return definition.name?.value;
  }
  return undefined;
}

/** The persisted body of the document's operation; an unknown document is a bug, not a fallback. */
export function persistedBody(node: ASTNode): string {
  const name = operationName(node);
  const body = name && bodies.get(name);
  if (!body) throw new Error(`Operation ${name ?? '(anonymous)'} is not a console document.`);
  return body;
}
