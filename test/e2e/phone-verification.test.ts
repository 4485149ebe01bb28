import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhoneVerification } from '../../subgraphs/accounts/entities/phone-verification.entity';
import { CN_ENGINEER as ENGINEER_CN } from '../support/demo-users';
import { testDialects } from '../support/dialects';
import { projectOperation } from '../support/project-operations';
import { type Stack, startStack } from '../support/stack';

const SUBSCRIPTIONS = projectOperation('OrganizationSubscriptions');

describe.each(testDialects())('phone PIN verification through the gateway (%s)', (dialect) => {
  let stack: Stack;
  const logs: string[] = [];
  beforeAll(async () => {
    stack = await startStack(dialect, { logSink: (line) => logs.push(JSON.stringify(line)) });
  });
  afterAll(() => stack?.stop());

  const outbox = () => {
    const path = join(stack.dataDir, 'outbox.jsonl');
    return existsSync(path)
      ? readFileSync(path, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { to: string; body: string; at: string })
      : [];
  };
  const lastCode = (to: string) =>
    /(\d{6})/.exec(
      outbox()
        .filter((m) => m.to === to)
        .at(-1)!.body,
    )![1];
  const start = (organizationId: string, callerPhone: string, email = ENGINEER_CN) =>
    stack.contract('StartPhoneVerification', { organizationId, callerPhone }, email);
  const confirm = (challengeId: string, code: string, email = ENGINEER_CN) =>
    stack.contract('ConfirmPhoneVerification', { challengeId, code }, email);

  it('verifies a caller from a registered number at once, whatever the spacing', async () => {
    const denied = await stack.query(SUBSCRIPTIONS, { id: 'org-tailspin' }, { email: ENGINEER_CN });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { data, errors } = await start('org-tailspin', '+862155550102');
    expect(errors).toBeUndefined();
    expect(data?.startPhoneVerification).toEqual({
      required: false,
      challengeId: null,
      sentTo: null,
    });
    const granted = await stack.query(
      SUBSCRIPTIONS,
      { id: 'org-tailspin' },
      { email: ENGINEER_CN },
    );
    expect(granted.errors).toBeUndefined();
    expect(granted.data?.organization.subscriptions.length).toBeGreaterThan(0);
  });

  it('sends a code to a registered e-mail, accepts it once, then opens the account', async () => {
    const before = outbox().length;
    const { data } = await start('org-northwind', '+86 139 0000 1111');
    expect(data?.startPhoneVerification).toMatchObject({
      required: true,
      sentTo: 'i***@northwind.example',
    });
    expect(outbox()).toHaveLength(before + 1);
    const code = lastCode('it@northwind.example');
    const challengeId = data?.startPhoneVerification.challengeId;

    const wrong = await confirm(challengeId, code === '000000' ? '000001' : '000000');
    expect(wrong.data?.confirmPhoneVerification).toEqual({ verified: false, grantExpiresAt: null });
    const right = await confirm(challengeId, code);
    expect(right.data?.confirmPhoneVerification.verified).toBe(true);
    expect(Date.parse(right.data?.confirmPhoneVerification.grantExpiresAt)).toBeGreaterThan(
      Date.now(),
    );
    const again = await confirm(challengeId, code);
    expect(again.errors?.[0].extensions?.code).toBe('VERIFICATION_FAILED');

    const granted = await stack.query(
      SUBSCRIPTIONS,
      { id: 'org-northwind' },
      { email: ENGINEER_CN },
    );
    expect(granted.errors).toBeUndefined();
    expect(logs.some((line) => line.includes(code))).toBe(false);
  });

  it('closes a challenge after five wrong codes, even for the right one', async () => {
    const { data } = await start('org-northwind', '+86 139 0000 2222');
    const challengeId = data?.startPhoneVerification.challengeId;
    const code = lastCode('it@northwind.example');
    const wrongCode = code === '999999' ? '999998' : '999999';
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await confirm(challengeId, wrongCode);
      expect(wrong.data?.confirmPhoneVerification.verified).toBe(false);
    }
    const closed = await confirm(challengeId, code);
    expect(closed.errors?.[0].extensions?.code).toBe('VERIFICATION_FAILED');
    expect(closed.errors?.[0].message).toMatch(/Too many wrong codes/);
  });

  it('refuses a code after ten minutes', async () => {
    const { data } = await start('org-northwind', '+86 139 0000 3333');
    const challengeId = data?.startPhoneVerification.challengeId;
    const em = stack.subgraphs.accounts.orm.em.fork();
    await em.nativeUpdate(
      PhoneVerification,
      { id: challengeId },
      { expiresAt: new Date(Date.now() - 1000) },
    );
    const late = await confirm(challengeId, lastCode('it@northwind.example'));
    expect(late.errors?.[0].extensions?.code).toBe('VERIFICATION_FAILED');
    expect(late.errors?.[0].message).toMatch(/expired/);
  });

  it('rate limits challenges per organization', async () => {
    for (let i = 0; i < 5; i++) {
      const started = await start('org-adatum', `+86 139 0000 40${i}0`);
      expect(started.errors).toBeUndefined();
    }
    const limited = await start('org-adatum', '+86 139 0000 4999');
    expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(limited.errors?.[0].extensions?.retryAfter).toBeGreaterThan(0);
  });

  it('is for support engineers of the organization’s cloud only, with a real phone number', async () => {
    const other = await start(
      'org-northwind',
      '+86 139 0000 5555',
      'engineer@support.microsoft.example',
    );
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const admin = await start('org-northwind', '+86 139 0000 5555', 'wei@northwind.example');
    expect(admin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await stack.contract('StartPhoneVerification', {
      organizationId: 'org-northwind',
      callerPhone: '+86 139 0000 5555',
    });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const garbage = await start('org-northwind', 'call me maybe');
    expect(garbage.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
