import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects';
import { projectDocument } from '../support/project-operations';
import { type GraphQLResponse, type Stack, startStack } from '../support/stack';
import { ACCESS_MATRIX, type Outcome, VIEWERS, type ViewerName } from './access-matrix.data';

function outcomeOf(response: GraphQLResponse): Outcome {
  const codes = new Set((response.errors ?? []).map((e) => e.extensions?.code as string));
  const root = response.data ? Object.values(response.data)[0] : null;
  if (root && codes.size === 0) return 'data';
  if (root && [...codes].every((c) => c === 'FORBIDDEN')) return 'partial';
  if (!root && codes.size === 1) return [...codes][0] as Outcome;
  throw new Error(`unexpected answer: ${JSON.stringify(response).slice(0, 400)}`);
}

const expected = (outcomes: Partial<Record<ViewerName, Outcome>>, viewer: ViewerName): Outcome =>
  outcomes[viewer] ?? (viewer === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');

describe.each(testDialects())(
  'access matrix: every demo user against every tenant-scoped operation (%s)',
  (dialect) => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack(dialect);
    });
    afterAll(() => stack?.stop());

    const cells = ACCESS_MATRIX.flatMap((row) =>
      VIEWERS.map((viewer) => [row.name, viewer, row] as const),
    );
    it.each(cells)('%s as %s', async (_name, viewer, row) => {
      const email = viewer === 'anonymous' ? undefined : viewer;
      const response =
        row.source === 'project'
          ? await stack.query(projectDocument(row.operation), row.variables, {
              email,
              operationName: row.operation,
            })
          : await stack.contract(row.operation, row.variables, email);
      expect(outcomeOf(response)).toBe(expected(row.outcomes, viewer));
      if (outcomeOf(response) !== 'data' && outcomeOf(response) !== 'partial') {
        expect(JSON.stringify(response.data ?? {})).not.toMatch(/"name":/);
      }
    });
  },
);
