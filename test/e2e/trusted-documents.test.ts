import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrustedManifest, sha256 } from '../../gateway/security/trusted-documents';
import { TRUSTED_SOURCES } from '../../gateway/security/trusted-sources';
import { ALICE } from '../support/demo-users';
import { type GraphQLResponse, type Stack, startStack } from '../support/stack';

const ROOT = join(__dirname, '..', '..');
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

async function post(stack: Stack, body: Record<string, unknown>): Promise<GraphQLResponse> {
  const token = await stack.token(ALICE);
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

describe('persisted and trusted documents', () => {
  it('keeps the committed manifest in step with the client documents', () => {
    const committed = readFileSync(join(ROOT, 'schema', 'trusted-documents.json'), 'utf8');
    const built = buildTrustedManifest(ROOT, TRUSTED_SOURCES);
    expect(JSON.parse(committed)).toEqual(built);
  });

  describe('by default: automatic persisted queries', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack('sqlite');
    });
    afterAll(() => stack?.stop());

    it('asks for an unknown hash, registers it with the document, then runs it by hash', async () => {
      const query = '{ viewer { email } }';
      const unknown = await post(stack, { extensions: persisted(sha256(query)) });
      expect(unknown.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      const registered = await post(stack, { query, extensions: persisted(sha256(query)) });
      expect(registered.data).toEqual({ viewer: { email: ALICE } });
      const byHash = await post(stack, { extensions: persisted(sha256(query)) });
      expect(byHash.data).toEqual({ viewer: { email: ALICE } });
    });
  });

  describe('with TRUSTED_DOCUMENTS=true', () => {
    let stack: Stack;
    const viewerDocument = readFileSync(
      join(ROOT, 'contract', 'operations', 'viewer.graphql'),
      'utf8',
    );
    beforeAll(async () => {
      stack = await startStack('sqlite', { gatewayEnv: { TRUSTED_DOCUMENTS: 'true' } });
    });
    afterAll(() => stack?.stop());

    it('runs a manifest document, sent whole or by hash alone', async () => {
      const whole = await post(stack, { query: viewerDocument });
      expect(whole.errors).toBeUndefined();
      const byHash = await post(stack, { extensions: persisted(sha256(viewerDocument)) });
      expect(byHash.errors).toBeUndefined();
      expect(byHash.data).toEqual(whole.data);
    });

    it.each([
      ['sent whole', { query: '{ viewer { email } }' }],
      [
        'registered as a persisted query',
        { query: '{ viewer { email } }', extensions: persisted(sha256('{ viewer { email } }')) },
      ],
    ])('refuses any other document, %s, with OPERATION_NOT_TRUSTED', async (_, body) => {
      const refused = await post(stack, body);
      expect(refused.status).toBe(400);
      expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['OPERATION_NOT_TRUSTED']);
      expect(refused.data).toBeUndefined();
    });
  });
});
