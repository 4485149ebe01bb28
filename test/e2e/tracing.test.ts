import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE } from '../support/demo-users';
import { type OtlpReceiver, startOtlpReceiver } from '../support/otlp-receiver';
import { projectOperation } from '../support/project-operations';
import { spawnService } from '../support/service-process';
import { type Stack, startStack } from '../support/stack';

const ROOT = join(__dirname, '..', '..');

describe('OpenTelemetry tracing', () => {
  let stack: Stack;
  let receiver: OtlpReceiver;
  let accountsDataDir: string;
  beforeAll(async () => {
    stack = await startStack('sqlite');
    receiver = await startOtlpReceiver();
    accountsDataDir = mkdtempSync(join(tmpdir(), 'tracing-accounts-'));
  });
  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
    rmSync(accountsDataDir, { recursive: true, force: true });
  });

  it('follows one request from the gateway into a subgraph under one trace id', async () => {
    const otel = { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint };
    // accounts as a real, traced process (the others stay in-process, untraced)
    const accounts = await spawnService('subgraphs/accounts/main.ts', {
      ...otel,
      ACCOUNTS_PORT: '0',
      DATA_DIR: accountsDataDir,
      INTERNAL_SECRET: stack.internalSecret,
    });
    const gateway = await spawnService('gateway/main.ts', {
      ...otel,
      PORT: '0',
      DATA_DIR: stack.dataDir,
      INTERNAL_SECRET: stack.internalSecret,
      JWT_DEV_KEY_FILE: join(stack.dataDir, 'dev-jwt-key.json'),
      ACCOUNTS_URL: accounts.url,
      BILLING_URL: stack.subgraphs.billing.url,
      CASES_URL: stack.subgraphs.cases.url,
    });
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await stack.token(ALICE)}`,
      },
      body: JSON.stringify({ query: projectOperation('Me') }),
    });
    expect(((await response.json()) as any).data.viewer.email).toBe(ALICE);

    // SIGTERM flushes what each process still buffers.
    gateway.child.kill('SIGTERM');
    accounts.child.kill('SIGTERM');
    expect([await gateway.exited, await accounts.exited]).toEqual([0, 0]);

    const operation = receiver.spans.find(
      (s) => s.service === 'gateway' && s.name === 'gateway.request',
    );
    expect(operation).toBeDefined();
    const trace = receiver.spans.filter((s) => s.traceId === operation!.traceId);
    const names = (service: string) =>
      trace.filter((s) => s.service === service).map((s) => s.name);
    expect(names('gateway')).toEqual(expect.arrayContaining(['gateway.request', 'gateway.fetch']));
    expect(names('accounts')).toEqual(expect.arrayContaining([expect.stringMatching(/^POST/)]));
    // the subgraph's own span for the operation the gateway planned for it
    expect(names('accounts')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^query Me__accounts__/)]),
    );
  }, 60_000);

  it('is off by default: no OpenTelemetry SDK is even loaded', () => {
    const script = `
      require('./lib/telemetry/register');
      const loaded = Object.keys(require.cache).filter((f) => f.includes('@opentelemetry/sdk-'));
      process.stdout.write(JSON.stringify(loaded));`;
    const loaded = (env: Record<string, string>) =>
      JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
          cwd: ROOT,
          env: { PATH: process.env.PATH, ...env },
          encoding: 'utf8',
        }),
      ) as string[];
    expect(loaded({})).toEqual([]);
    expect(loaded({ OTEL_TRACES_EXPORTER: 'console' }).length).toBeGreaterThan(0);
  });
});
