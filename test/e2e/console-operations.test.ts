import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../support/stack';

// The console's operations, exactly as it sends them (its persisted documents), run against a
// gateway that accepts trusted documents only: none may be refused as untrusted, invalid or too
// complex. Domain refusals (NOT_FOUND for a made-up case) are fine: they prove the operation ran.

const PERSISTED = join(
  __dirname,
  '..',
  '..',
  'console',
  'src',
  'graphql',
  'persisted-documents.json',
);
const REFUSED_BEFORE_RUNNING = [
  'OPERATION_NOT_TRUSTED',
  'OPERATION_TOO_COMPLEX',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
];

const AS: Record<string, string> = {
  ConsoleSupportQueue: 'engineer@support.microsoft.example',
  ConsoleStartVerification: 'engineer@support.microsoft.example',
  ConsoleConfirmVerification: 'engineer@support.microsoft.example',
  ConsolePartnerDashboard: 'agent@litware.example',
};

const VARIABLES = {
  organizationId: 'org-contoso',
  id: 'case-contoso-1',
  caseId: 'case-does-not-exist',
  cloud: 'GLOBAL',
  category: 'TECHNICAL',
  severity: 'B',
  status: 'IN_PROGRESS',
  body: 'A note.',
  reason: 'A reason.',
  rating: 5,
  callerPhone: '+1 425 555 0199',
  challengeId: 'challenge-does-not-exist',
  code: '000000',
  input: {
    organizationId: 'org-contoso',
    category: 'TECHNICAL',
    topic: 'Teams',
    title: 'Checking the console document',
    description: 'Sent by the console operations test.',
    severity: 'C',
    contact: { phone: '+1 425 555 0100', email: 'alice@contoso.example', preferredMethod: 'EMAIL' },
  },
};

describe("the console's operations under TRUSTED_DOCUMENTS=true", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('sqlite', { gatewayEnv: { TRUSTED_DOCUMENTS: 'true' } });
  });
  afterAll(() => stack?.stop());

  const documents = Object.values(
    JSON.parse(readFileSync(PERSISTED, 'utf8')) as Record<string, string>,
  );
  const runnable = documents
    .map((body) => ({ body, match: /\b(query|mutation) (\w+)/.exec(body) }))
    .filter(({ match, body }) => match && !/\bsubscription \w+/.test(body));

  it('covers every query and mutation of the console', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(15);
  });

  it.each(runnable.map(({ body, match }) => [match![2], body] as const))(
    '%s runs',
    async (name, body) => {
      const email = AS[name] ?? 'alice@contoso.example';
      const response = await stack.query(body, VARIABLES, { email, operationName: name });
      const codes = (response.errors ?? []).map((e) => e.extensions?.code);
      for (const code of REFUSED_BEFORE_RUNNING) expect(codes).not.toContain(code);
      expect(response.status).toBeLessThan(500);
    },
  );
});
