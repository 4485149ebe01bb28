import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../lib/audit/audit-entry.entity';
import { PhoneVerification } from '../../subgraphs/accounts/entities/phone-verification.entity';
import { CN_ENGINEER as ENGINEER_CN } from '../support/demo-users';
import { testDialects } from '../support/dialects';
import { projectOperation } from '../support/project-operations';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';
import { type Stack, startStack } from '../support/stack';

// NOTIFIER=smtp against a real SMTP server: the code arrives as a mail message, and a mail server
// that fails leaves no challenge behind (nothing to answer, nothing counted against the
// organization's five challenges per 15 minutes).

const SUBSCRIPTIONS = projectOperation('OrganizationSubscriptions');

describe.each(testDialects())('phone PIN verification over SMTP (%s)', (dialect) => {
  let stack: Stack;
  let smtp: TestSmtpServer;
  const logs: string[] = [];
  beforeAll(async () => {
    smtp = await startSmtpServer();
    stack = await startStack(dialect, {
      accountsEnv: {
        NOTIFIER: 'smtp',
        SMTP_URL: smtp.url,
        SMTP_FROM: 'Support <no-reply@support.example>',
      },
      logSink: (line) => logs.push(JSON.stringify(line)),
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await smtp?.stop();
  });

  const start = (organizationId: string, callerPhone: string) =>
    stack.contract('StartPhoneVerification', { organizationId, callerPhone }, ENGINEER_CN);
  const confirm = (challengeId: string, code: string) =>
    stack.contract('ConfirmPhoneVerification', { challengeId, code }, ENGINEER_CN);
  const leftBehind = async (organizationId: string) => {
    const em = stack.subgraphs.accounts.orm.em.fork();
    return {
      challenges: await em.count(PhoneVerification, { organization: organizationId }),
      audited: await em.count(AuditEntry, { organizationId, action: 'verification.started' }),
    };
  };

  it('mails the code to the registered address, and the code verifies the caller', async () => {
    const { data, errors } = await start('org-northwind', '+86 139 0000 1111');
    expect(errors).toBeUndefined();
    expect(data?.startPhoneVerification).toMatchObject({
      required: true,
      sentTo: 'i***@northwind.example',
    });
    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail.to).toEqual(['it@northwind.example']);
    expect(mail.raw).toMatch(/^From: Support <no-reply@support\.example>$/m);
    expect(mail.raw).toMatch(/^Subject: Northwind: support verification code$/m);
    const code = /read them this code: (\d{6})/.exec(mail.raw)?.[1];
    expect(code).toMatch(/^\d{6}$/);

    const confirmed = await confirm(data?.startPhoneVerification.challengeId, code!);
    expect(confirmed.data?.confirmPhoneVerification.verified).toBe(true);
    const granted = await stack.query(
      SUBSCRIPTIONS,
      { id: 'org-northwind' },
      { email: ENGINEER_CN },
    );
    expect(granted.errors).toBeUndefined();
    expect(logs.some((line) => line.includes(code!))).toBe(false);
  });

  it.each([
    ['refuses the message', 'refuse-messages'],
    ['refuses the connection', 'refuse-connections'],
  ] as const)(
    'answers SERVICE_UNAVAILABLE and starts nothing when the mail server %s',
    async (_case, mode) => {
      const before = await leftBehind('org-tailspin');
      smtp.fail(mode);
      try {
        // More than the organization's five challenges per window: none of them counted.
        for (let attempt = 0; attempt < 6; attempt++) {
          const failed = await start('org-tailspin', `+86 139 0000 60${attempt}0`);
          expect(failed.data?.startPhoneVerification ?? null).toBeNull();
          expect(failed.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
          expect(failed.errors?.[0].message).toMatch(
            /could not be sent to i\*\*\*@tailspin\.example, so no verification was started/,
          );
        }
        expect(await leftBehind('org-tailspin')).toEqual(before);
      } finally {
        smtp.fail(null);
      }
      const sent = smtp.messages.length;
      const started = await start('org-tailspin', '+86 139 0000 6999');
      expect(started.errors).toBeUndefined();
      expect(started.data?.startPhoneVerification.required).toBe(true);
      expect(smtp.messages).toHaveLength(sent + 1);
      expect((await leftBehind('org-tailspin')).challenges).toBe(before.challenges + 1);
    },
  );

  it('gives up on a mail server that never answers, before the gateway gives up on accounts', async () => {
    const before = await leftBehind('org-adatum');
    smtp.fail('hang');
    try {
      const started = Date.now();
      const stuck = await start('org-adatum', '+86 139 0000 7000');
      // The gateway's subgraph timeout is 10 s: accounts must have answered (and rolled back).
      expect(Date.now() - started).toBeLessThan(9_000);
      expect(stuck.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(await leftBehind('org-adatum')).toEqual(before);
    } finally {
      smtp.fail(null);
    }
  });
});
