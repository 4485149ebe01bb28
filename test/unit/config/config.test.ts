import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../../gateway/config';
import { loadSubgraphConfig } from '../../../lib/config/subgraph-config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'config-'));

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
});
