import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../../gateway/config';
import { loadSubgraphConfig } from '../../../lib/config/subgraph-config';
import { loadTelemetryConfig } from '../../../lib/config/telemetry-config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'config-'));
/** The least a production gateway needs. */
const production = {
  NODE_ENV: 'production',
  INTERNAL_SECRET: 'a-production-secret-of-32-characters!',
  JWT_JWKS_URL: 'https://idp.example/jwks',
};

describe('configuration', () => {
  it('runs embedded by default: SQLite under data/, a generated internal secret', () => {
    const dir = dataDir();
    const config = loadSubgraphConfig('cases', { DATA_DIR: dir });
    expect(config.port).toBe(4003);
    expect(config.databaseUrl).toBe(join(dir, 'cases.sqlite'));
    expect(config.internalSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadSubgraphConfig('billing', { DATA_DIR: dir }).internalSecret).toBe(
      config.internalSecret,
    );
  });

  it('switches to PostgreSQL with a postgresql:// URL, per-subgraph variables first', () => {
    const config = loadSubgraphConfig('billing', {
      DATA_DIR: dataDir(),
      DATABASE_URL: 'postgresql://db/support',
      BILLING_DATABASE_URL: 'postgresql://other/billing',
      BILLING_PORT: '5002',
    });
    expect(config.databaseUrl).toBe('postgresql://other/billing');
    expect(config.databaseSchema).toBe('billing');
    expect(config.port).toBe(5002);
  });

  it('serves metrics on an internal port of each process, apart from the public one', () => {
    const gateway = loadGatewayConfig({ DATA_DIR: dataDir() });
    expect(gateway.metrics).toEqual({ port: 9090, host: '127.0.0.1' });
    expect(loadGatewayConfig({ DATA_DIR: dataDir(), METRICS_PORT: '9500' }).metrics.port).toBe(
      9500,
    );
    const ports = (['accounts', 'billing', 'cases'] as const).map(
      (name) => loadSubgraphConfig(name, { DATA_DIR: dataDir() }).metrics.port,
    );
    expect(ports).toEqual([9091, 9092, 9093]);
    const cases = loadSubgraphConfig('cases', {
      DATA_DIR: dataDir(),
      CASES_METRICS_PORT: '9600',
      METRICS_HOST: '0.0.0.0',
    });
    expect(cases.metrics).toEqual({ port: 9600, host: '0.0.0.0' });
  });

  it('overrides only the subgraph URLs that are set: the supergraph gives the others', () => {
    const config = loadGatewayConfig({
      DATA_DIR: dataDir(),
      BILLING_URL: 'http://billing.internal:4002/graphql',
    });
    expect(config.subgraphUrlOverrides).toEqual({
      billing: 'http://billing.internal:4002/graphql',
    });
  });

  it('reports every invalid variable at once', () => {
    expect(() =>
      loadGatewayConfig({
        DATA_DIR: dataDir(),
        PORT: 'abc',
        LOG_LEVEL: 'loud',
        JWT_JWKS_URL: 'not a url',
      }),
    ).toThrowError(/PORT[\s\S]*LOG_LEVEL[\s\S]*JWT_JWKS_URL/);
  });

  it('refuses production without a real key source and secret', () => {
    expect(() => loadGatewayConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production' })).toThrowError(
      /INTERNAL_SECRET[\s\S]*JWT_JWKS_URL/,
    );
    expect(() => loadSubgraphConfig('accounts', { NODE_ENV: 'production' })).toThrowError(
      /INTERNAL_SECRET/,
    );
    expect(() =>
      loadSubgraphConfig('accounts', { DATA_DIR: dataDir(), DATABASE_URL: 'mysql://x' }),
    ).toThrowError(/postgresql/);
  });

  it('trusts no proxy unless told how many hops or which ones', () => {
    const trust = (TRUST_PROXY?: string) =>
      loadGatewayConfig({ DATA_DIR: dataDir(), TRUST_PROXY }).trustProxy;
    expect(trust()).toBe(false);
    expect(trust('2')).toBe(2);
    expect(trust('loopback, 10.0.0.0/8')).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => trust('true')).toThrow(/TRUST_PROXY/);
  });

  it('traces nothing unless OTEL_TRACES_EXPORTER names an exporter; OTLP URLs as the spec says', () => {
    expect(loadTelemetryConfig({}, 'gateway')).toEqual({
      exporter: 'none',
      serviceName: 'gateway',
      tracesUrl: 'http://localhost:4318/v1/traces',
    });
    const on = loadTelemetryConfig(
      {
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_SERVICE_NAME: 'edge',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
      },
      'gateway',
    );
    expect(on).toEqual({
      exporter: 'otlp',
      serviceName: 'edge',
      tracesUrl: 'http://collector:4318/v1/traces',
    });
    const exact = {
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c/t',
    };
    expect(loadTelemetryConfig(exact, 'cases').tracesUrl).toBe('http://c/t');
    expect(loadTelemetryConfig({ ...exact, OTEL_SDK_DISABLED: 'true' }, 'cases').exporter).toBe(
      'none',
    );
    expect(() => loadTelemetryConfig({ OTEL_TRACES_EXPORTER: 'jaeger' }, 'cases')).toThrow(
      /OTEL_TRACES_EXPORTER/,
    );
  });

  it('shares identical in-flight subgraph queries unless SUBGRAPH_FETCH_SHARING=false', () => {
    const sharing = (SUBGRAPH_FETCH_SHARING?: string) =>
      loadGatewayConfig({ DATA_DIR: dataDir(), SUBGRAPH_FETCH_SHARING }).subgraphFetchSharing;
    expect(sharing()).toBe(true);
    expect(sharing('false')).toBe(false);
    expect(() => sharing('no')).toThrowError(/SUBGRAPH_FETCH_SHARING/);
  });

  it("batches a request's entity fetches to one subgraph unless SUBGRAPH_FETCH_BATCHING=false", () => {
    const batching = (SUBGRAPH_FETCH_BATCHING?: string) =>
      loadGatewayConfig({ DATA_DIR: dataDir(), SUBGRAPH_FETCH_BATCHING }).subgraphFetchBatching;
    expect(batching()).toBe(true);
    expect(batching('false')).toBe(false);
    expect(() => batching('no')).toThrowError(/SUBGRAPH_FETCH_BATCHING/);
  });

  it('runs live updates in-process unless REDIS_URL is set, and checks their timers', () => {
    const embedded = loadSubgraphConfig('cases', { DATA_DIR: dataDir() });
    expect(embedded.live).toEqual({
      redisUrl: null,
      redisKeyPrefix: 'support-graph:',
      pollIntervalMs: 1_000,
      responseAlarmIntervalMs: 10_000,
    });
    const replicated = loadSubgraphConfig('cases', {
      DATA_DIR: dataDir(),
      REDIS_URL: 'redis://redis:6379',
      RESPONSE_ALARM_INTERVAL_MS: '0',
    });
    expect(replicated.live).toMatchObject({
      redisUrl: 'redis://redis:6379',
      responseAlarmIntervalMs: 0,
    });
    expect(() =>
      loadSubgraphConfig('cases', {
        DATA_DIR: dataDir(),
        REDIS_URL: 'http://redis',
        LIVE_POLL_INTERVAL_MS: '0',
      }),
    ).toThrowError(/REDIS_URL[\s\S]*LIVE_POLL_INTERVAL_MS/);
  });

  it('offers development sign-in only on the embedded key outside production', () => {
    const devSignIn = (env: Record<string, string>) =>
      loadGatewayConfig({ DATA_DIR: dataDir(), ...env }).devSignIn;
    expect(devSignIn({})).toBe(true);
    expect(devSignIn({ NODE_ENV: 'test' })).toBe(true);
    expect(devSignIn({ JWT_JWKS_URL: 'https://idp.example/jwks' })).toBe(false);
    expect(devSignIn(production)).toBe(false);
  });

  it('serves the explorer by default except in production, like introspection', () => {
    const explorer = (env: Record<string, string>) =>
      loadGatewayConfig({ DATA_DIR: dataDir(), ...env }).explorer;
    expect(explorer({})).toBe(true);
    expect(explorer({ EXPLORER: 'off' })).toBe(false);
    expect(explorer(production)).toBe(false);
    expect(explorer({ ...production, EXPLORER: 'on' })).toBe(true);
    expect(() => explorer({ EXPLORER: 'yes' })).toThrowError(/EXPLORER/);
  });
});
