import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEV_JWT_KEY_FILE, ensureDevInternalSecret } from '../lib/config/dev-secrets';
import { logLevel, nodeEnv, parseEnv, port } from '../lib/config/env';
import { projectRoot } from '../lib/config/project-root';
import { SUBGRAPH_URLS } from '../lib/federation/compose';

export interface GatewayConfig {
  port: number;
  host: string;
  nodeEnv: 'development' | 'test' | 'production';
  logLevel: string;
  supergraphPath: string;
  subgraphUrls: Record<'accounts' | 'billing' | 'cases', string>;
  internalSecret: string;
  jwt: {
    issuer: string;
    audience: string;
    /** Remote JWKS (production); when absent, the development key file is used. */
    jwksUrl: string | null;
    devKeyFile: string;
  };
  /** How long a resolved viewer (roles, delegations) is reused before asking accounts again. */
  viewerCacheTtlMs: number;
  subgraphTimeoutMs: number;
}

const schema = z
  .object({
    PORT: port(4000),
    HOST: z.string().default('0.0.0.0'),
    NODE_ENV: nodeEnv,
    LOG_LEVEL: logLevel,
    DATA_DIR: z.string().default('data'),
    SUPERGRAPH_PATH: z.string().default(join(projectRoot(), 'schema', 'supergraph.graphql')),
    ACCOUNTS_URL: z.url().default(SUBGRAPH_URLS.accounts),
    BILLING_URL: z.url().default(SUBGRAPH_URLS.billing),
    CASES_URL: z.url().default(SUBGRAPH_URLS.cases),
    INTERNAL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_ISSUER: z.string().min(1).default('support-graph-dev'),
    JWT_AUDIENCE: z.string().min(1).default('support-graph'),
    JWT_JWKS_URL: z.url().optional(),
    JWT_DEV_KEY_FILE: z.string().optional(),
    VIEWER_CACHE_TTL_MS: z.coerce.number().int().min(0).max(300_000).default(15_000),
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.INTERNAL_SECRET, {
    message: 'INTERNAL_SECRET is required in production',
    path: ['INTERNAL_SECRET'],
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.JWT_JWKS_URL, {
    message: 'JWT_JWKS_URL is required in production (the development key is for local use only)',
    path: ['JWT_JWKS_URL'],
  });

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const c = parseEnv(schema, env, 'gateway');
  const dataDir = resolve(c.DATA_DIR);
  return {
    port: c.PORT,
    host: c.HOST,
    nodeEnv: c.NODE_ENV,
    logLevel: c.LOG_LEVEL,
    supergraphPath: resolve(c.SUPERGRAPH_PATH),
    subgraphUrls: { accounts: c.ACCOUNTS_URL, billing: c.BILLING_URL, cases: c.CASES_URL },
    internalSecret: c.INTERNAL_SECRET ?? ensureDevInternalSecret(dataDir),
    jwt: {
      issuer: c.JWT_ISSUER,
      audience: c.JWT_AUDIENCE,
      jwksUrl: c.JWT_JWKS_URL ?? null,
      devKeyFile: resolve(c.JWT_DEV_KEY_FILE ?? join(dataDir, DEV_JWT_KEY_FILE)),
    },
    viewerCacheTtlMs: c.VIEWER_CACHE_TTL_MS,
    subgraphTimeoutMs: c.SUBGRAPH_TIMEOUT_MS,
  };
}
