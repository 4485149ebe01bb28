import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../lib/audit/audit-entry.entity';
import type { DevTokenOptions } from '../../lib/config/dev-token';
import { User } from '../../subgraphs/accounts/entities/user.entity';
import { testDialects } from '../support/dialects';
import { contractDocument } from '../support/operations';
import { type Stack, startStack } from '../support/stack';

// A token names a person by the identity provider's immutable subject, not by its e-mail claim:
// an e-mail links a user at most once, on the first sign-in, and only when it is verified.

type Claims = Pick<DevTokenOptions, 'subject' | 'emailVerified'>;

describe.each(testDialects())('signing in by the issuer subject (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect);
  });
  afterAll(() => stack?.stop());

  const viewerAs = async (email: string, claims: Claims) => {
    const token = await stack.token(email, undefined, claims);
    return stack.query(
      contractDocument('Viewer'),
      {},
      {
        operationName: 'Viewer',
        headers: { authorization: `Bearer ${token}` },
      },
    );
  };

  /** A member an administrator registered, who has never signed in. */
  async function registerUser(id: string, email: string): Promise<void> {
    const em = stack.subgraphs.accounts.orm.em.fork();
    await em.insert(User, {
      id,
      email,
      displayName: id,
      organization: 'org-contoso',
      supportEngineer: false,
    });
  }

  const subjectOf = async (id: string) => {
    const em = stack.subgraphs.accounts.orm.em.fork();
    const user = await em.findOneOrFail(User, id);
    return [user.subjectIssuer, user.subject];
  };

  it('maps a token whose e-mail changed to the same person, by its subject', async () => {
    const renamed = await viewerAs('alice.jones@contoso.example', { subject: 'dev|user-alice' });
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data?.viewer).toMatchObject({
      id: 'user-alice',
      email: 'alice@contoso.example',
      adminRoles: ['GLOBAL_ADMIN'],
    });
    const unverified = await viewerAs('someone-else@evil.example', {
      subject: 'dev|user-alice',
      emailVerified: false,
    });
    expect(unverified.data?.viewer.id).toBe('user-alice');
  });

  it('never lets another subject take a signed-in user by its e-mail, verified or not', async () => {
    for (const emailVerified of [true, false]) {
      const takeover = await viewerAs('alice@contoso.example', {
        subject: 'attacker-tenant-user',
        emailVerified,
      });
      expect(takeover.status).toBe(401);
      expect(takeover.data ?? null).toBeNull();
      expect(takeover.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await subjectOf('user-alice')).toEqual(['support-graph-dev', 'dev|user-alice']);
  });

  it('links a registered user once by a verified e-mail, then refuses a second subject', async () => {
    await registerUser('user-newcomer', 'newcomer@contoso.example');
    const first = await viewerAs('newcomer@contoso.example', { subject: 'idp-newcomer' });
    expect(first.errors).toBeUndefined();
    expect(first.data?.viewer).toMatchObject({ id: 'user-newcomer', adminRoles: [] });
    expect(await subjectOf('user-newcomer')).toEqual(['support-graph-dev', 'idp-newcomer']);

    const second = await viewerAs('newcomer@contoso.example', { subject: 'idp-someone-else' });
    expect(second.status).toBe(401);
    expect(second.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(second.errors?.[0].message).toMatch(/another account of the identity provider/);

    // The linked subject keeps working, whatever e-mail its later tokens carry.
    const again = await viewerAs('newcomer.renamed@contoso.example', {
      subject: 'idp-newcomer',
      emailVerified: false,
    });
    expect(again.data?.viewer.id).toBe('user-newcomer');

    const audit = await stack.subgraphs.accounts.orm.em
      .fork()
      .find(AuditEntry, { target: 'user-newcomer', action: 'user.signInLinked' });
    expect(audit).toHaveLength(1);
  });

  it('refuses an unknown subject whose e-mail the provider did not verify, and links nothing', async () => {
    await registerUser('user-unverified', 'unverified@contoso.example');
    const refused = await viewerAs('unverified@contoso.example', {
      subject: 'idp-unverified',
      emailVerified: false,
    });
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(refused.errors?.[0].message).toMatch(/did not verify its e-mail address/);
    expect(await subjectOf('user-unverified')).toEqual([null, null]);
  });

  it('refuses an unknown subject with a verified e-mail nobody is registered with', async () => {
    const stranger = await viewerAs('mallory@evil.example', { subject: 'idp-mallory' });
    expect(stranger.status).toBe(401);
    expect(stranger.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(stranger.errors?.[0].message).toMatch(/No user is registered/);
  });
});
