import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../lib/demo/demo-tenants';
import { createViewerTokenCodec, VIEWER_HEADER } from '../../lib/viewer/viewer-token';
import { testDialects } from '../support/dialects';
import { projectOperation } from '../support/project-operations';
import { type Stack, startStack } from '../support/stack';

const dialects = testDialects();

describe.each(dialects)('identity and access through the gateway (%s)', (dialect) => {
  let stack: Stack;
  const logs: Record<string, unknown>[] = [];
  beforeAll(async () => {
    stack = await startStack(dialect, { logSink: (line) => logs.push(line) });
  });
  afterAll(() => stack?.stop());

  it('answers Viewer for a demo user from the token', async () => {
    const { data, errors } = await stack.contract('Viewer', {}, 'alice@contoso.example');
    expect(errors).toBeUndefined();
    expect(data?.viewer).toEqual({
      id: 'user-alice',
      email: 'alice@contoso.example',
      displayName: 'Alice Jones',
      adminRoles: ['GLOBAL_ADMIN'],
      organization: { id: 'org-contoso', name: 'Contoso', cloud: 'GLOBAL' },
      partner: null,
    });
  });

  it.each(DEMO_USERS.map((u) => [u.email, u] as const))(
    'answers Viewer for %s',
    async (email, user) => {
      const { data, errors } = await stack.contract('Viewer', {}, email);
      expect(errors).toBeUndefined();
      expect(data?.viewer).toMatchObject({ id: user.id, email, adminRoles: user.roles });
      expect(data?.viewer.organization?.id ?? null).toBe(user.organizationId);
      expect(data?.viewer.partner?.id ?? null).toBe(user.partnerId);
    },
  );

  it('shows a partner agent its partner and no organization, an engineer its provider', async () => {
    const agent = await stack.contract('Viewer', {}, 'agent@litware.example');
    expect(agent.data?.viewer).toMatchObject({
      partner: { id: 'partner-litware', name: 'Litware' },
      organization: null,
      adminRoles: [],
    });
    const engineer = await stack.contract('Viewer', {}, 'engineer@support.21vianet.example');
    expect(engineer.data?.viewer.organization).toEqual({
      id: 'org-21vianet-support',
      name: '21Vianet support',
      cloud: 'CHINA_21VIANET',
    });
  });

  it('refuses tenant data without a token, but serves public service health', async () => {
    const viewer = await stack.contract('Viewer', {});
    expect(viewer.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const picture = await stack.contract('SupportPicture', { organizationId: 'org-contoso' });
    expect(picture.data?.organization).toBeNull();
    expect(picture.errors?.map((e) => e.extensions?.code)).toContain('UNAUTHENTICATED');
    const health = await stack.query(projectOperation('ServiceHealthOfCloud'), { cloud: 'GLOBAL' });
    expect(health.errors).toBeUndefined();
    expect(health.data?.serviceHealth.length).toBeGreaterThan(0);
  });

  it.each([
    ['a malformed header', 'Token abc'],
    ['a garbage token', 'Bearer not.a.jwt'],
  ])('answers 401 UNAUTHENTICATED for %s', async (_case, authorization) => {
    const response = await stack.query(
      projectOperation('ViewerId'),
      {},
      { headers: { authorization } },
    );
    expect(response.status).toBe(401);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token and a token of an unknown person', async () => {
    const expired = await stack.token('alice@contoso.example', Math.floor(Date.now() / 1000) - 60);
    const stranger = await stack.token('mallory@evil.example');
    for (const token of [expired, stranger]) {
      const response = await stack.query(
        projectOperation('ViewerId'),
        {},
        { headers: { authorization: `Bearer ${token}` } },
      );
      expect(response.status).toBe(401);
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('never shows one organization to a user of another', async () => {
    const other = await stack.contract(
      'SupportPicture',
      { organizationId: 'org-fabrikam' },
      'alice@contoso.example',
    );
    expect(other.data?.organization).toBeNull();
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(other)).not.toContain('Fabrikam');
    const agent = await stack.contract(
      'SupportPicture',
      { organizationId: 'org-contoso' },
      'agent@litware.example',
    );
    expect(agent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const missing = await stack.contract(
      'SupportPicture',
      { organizationId: 'org-nowhere' },
      'alice@contoso.example',
    );
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('answers BAD_USER_INPUT for a malformed id and an unknown enum value', async () => {
    const malformed = await stack.contract(
      'SupportPicture',
      { organizationId: 'org contoso; drop' },
      'alice@contoso.example',
    );
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0].message).toMatch(/not a valid id/);
    const badEnum = await stack.query(projectOperation('ServiceHealthOfCloud'), { cloud: 'MARS' });
    expect(badEnum.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps subgraphs closed to anyone but the gateway', async () => {
    const body = JSON.stringify({ query: projectOperation('ViewerIdAndEmail') });
    const forged = await createViewerTokenCodec('x'.repeat(40)).sign({
      kind: 'user',
      userId: 'user-alice',
      email: 'alice@contoso.example',
      organizationId: 'org-contoso',
      roles: [],
      partnerId: null,
      delegations: [],
      supportCloud: null,
      verificationGrants: [],
    });
    const unsigned = Buffer.from(
      JSON.stringify({ viewer: { kind: 'user', userId: 'user-alice' } }),
    ).toString('base64url');
    for (const header of [undefined, forged, `e30.${unsigned}.`]) {
      const response = await fetch(stack.subgraphs.accounts.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(header ? { [VIEWER_HEADER]: header } : {}),
        },
        body,
      });
      expect(response.status).toBe(401);
      const json = (await response.json()) as {
        data?: unknown;
        errors: { extensions: { code: string } }[];
      };
      expect(json.data).toBeUndefined();
      expect(json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('carries one request id through the gateway and every subgraph it called', async () => {
    const token = await stack.token('alice@contoso.example');
    const response = await stack.query(
      projectOperation('ContosoFirstCase'),
      {},
      { headers: { authorization: `Bearer ${token}`, 'x-request-id': 'trace-me-42' } },
    );
    expect(response.errors).toBeUndefined();
    const services = logs.filter((l) => l.requestId === 'trace-me-42').map((l) => l.service);
    expect(new Set(services)).toEqual(new Set(['gateway', 'accounts', 'billing', 'cases']));
  });

  it('reports health and readiness, and returns the request id it passed on', async () => {
    const base = stack.gatewayUrl.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ready: true,
      subgraphs: { accounts: true, billing: true, cases: true },
    });
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-42' },
      body: JSON.stringify({ query: projectOperation('Typename') }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-me-42');
  });
});
