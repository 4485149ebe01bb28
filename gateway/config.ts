import { join, resolve } from 'node:path';
import { z } from 'zod';
import {
  DEV_JWT_ISSUER,
  DEV_JWT_KEY_FILE,
  ensureDevInternalSecret,
} from '../lib/config/dev-secrets';
import { logLevel, nodeEnv, parseEnv, port } from '../lib/config/env';
import { projectRoot } from '../lib/config/project-root';
import { DEFAULT_OPERATION_LIMITS, type OperationLimitsConfig } from './security/operation-limits';
import { DEFAULT_RATE_LIMITS, type RateLimitsConfig } from './security/rate-limits';

export interface GatewayConfig {
  port: number;
  host: string;
  nodeEnv: 'development' | 'test' | 'production';
  logLevel: string;
  supergraphPath: string;
  /**
   * URLs that replace the supergraph's own (`@join__graph(url:)`) for these subgraphs; a subgraph
   * without one is reached where the supergraph says.
   */
  subgraphUrlOverrides: Partial<Record<'accounts' | 'billing' | 'cases', string>>;
  /** /metrics is served alone on this port (0 picks one), apart from the public one. */
  metrics: { port: number; host: string };
  internalSecret: string;
  jwt: {
    issuer: string;
    audience: string;
    /** Remote JWKS (production); when absent, the development key file is used. */
    jwksUrl: string | null;
    devKeyFile: string;
  };
  /**
   * How long a resolved viewer (roles, delegations) is reused before asking accounts again, when
   * no announcement of a change dropped it first (the backstop).
   */
  viewerCacheTtlMs: number;
  /** Where accounts announces viewer changes: REDIS_URL and REDIS_KEY_PREFIX, as in accounts. */
  viewerChanges: { redisUrl: string | null; keyPrefix: string };
  subgraphTimeoutMs: number;
  /** Identical in-flight subgraph queries of one viewer share one fetch (subgraph-fetch-dedup.ts). */
  subgraphFetchSharing: boolean;
  /** A client request's entity fetches to one subgraph, leaving together, go as one operation. */
  subgraphFetchBatching: boolean;
  /** Off by default in production; field suggestions are hidden whenever it is off. */
  introspection: boolean;
  /**
   * Development sign-in (/auth/dev/*): tokens signed with the embedded development key for the
   * demo users. Only when that key is what the gateway trusts, and never in production.
   */
  devSignIn: boolean;
  /** The in-browser explorer on GET /graphql; like introspection, off by default in production. */
  explorer: boolean;
  operationLimits: OperationLimitsConfig;
  rateLimits: RateLimitsConfig;
  /** When set, only the documents of this manifest run (see security/trusted-documents.ts). */
  trustedDocumentsPath: string | null;
  /** Express' `trust proxy`: false, a hop count, or the proxies' addresses/subnets. */
  trustProxy: TrustProxy;
  console: {
    /** The built console (Vite's output), served under /console. */
    dir: string;
    /** The organization's OpenID Connect provider the console signs people in with. */
    oidc: { issuer: string; clientId: string; scope: string } | null;
  };
  live: {
    /** graphql-ws connections from the gateway to each subgraph, whatever the number of clients. */
    upstreamConnections: number;
    /** Results a client may fall behind before it is cut off as too slow. */
    clientBuffer: number;
  };
}

export type TrustProxy = false | number | string[];

/** Like Apollo Router's Prometheus listener (127.0.0.1:9090): internal unless set otherwise. */
export const GATEWAY_METRICS_PORT = 9090;

const definedOnly = <T extends Record<string, string | undefined>>(record: T) =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: string;
  };

/**
 * TRUST_PROXY: unset or "false" trusts no proxy (req.ip is the socket's peer); a number trusts that
 * many hops; otherwise a comma list of proxy addresses, subnets or Express' names (loopback,
 * uniquelocal). "true" (trust every hop) is refused: any client could then pick its own address.
 */
const trustProxy = z
  .string()
  .trim()
  .default('false')
  .refine((v) => v !== 'true', 'name the hop count or the proxies; "true" trusts forged headers')
  .transform((v): TrustProxy => {
    if (v === 'false' || v === '' || v === '0') return false;
    if (/^\d+$/.test(v)) return Number(v);
    return v
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
  });

const limit = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

const schema = z
  .object({
    PORT: port(4000),
    HOST: z.string().default('0.0.0.0'),
    NODE_ENV: nodeEnv,
    LOG_LEVEL: logLevel,
    DATA_DIR: z.string().default('data'),
    SUPERGRAPH_PATH: z.string().default(join(projectRoot(), 'schema', 'supergraph.graphql')),
    ACCOUNTS_URL: z.url().optional(),
    BILLING_URL: z.url().optional(),
    CASES_URL: z.url().optional(),
    METRICS_PORT: port(GATEWAY_METRICS_PORT),
    METRICS_HOST: z.string().default('127.0.0.1'),
    INTERNAL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_ISSUER: z.string().min(1).default(DEV_JWT_ISSUER),
    JWT_AUDIENCE: z.string().min(1).default('support-graph'),
    JWT_JWKS_URL: z.url().optional(),
    JWT_DEV_KEY_FILE: z.string().optional(),
    VIEWER_CACHE_TTL_MS: z.coerce.number().int().min(0).max(300_000).default(15_000),
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    SUBGRAPH_FETCH_SHARING: z.enum(['true', 'false']).default('true'),
    SUBGRAPH_FETCH_BATCHING: z.enum(['true', 'false']).default('true'),
    INTROSPECTION: z.enum(['true', 'false']).optional(),
    EXPLORER: z.enum(['on', 'off']).optional(),
    OPERATION_MAX_DEPTH: limit(DEFAULT_OPERATION_LIMITS.maxDepth),
    OPERATION_MAX_ALIASES: limit(DEFAULT_OPERATION_LIMITS.maxAliases),
    OPERATION_MAX_DIRECTIVES: limit(DEFAULT_OPERATION_LIMITS.maxDirectives),
    OPERATION_MAX_TOKENS: limit(DEFAULT_OPERATION_LIMITS.maxTokens),
    OPERATION_MAX_COST: limit(DEFAULT_OPERATION_LIMITS.maxCost),
    RATE_LIMIT_PER_IP: limit(DEFAULT_RATE_LIMITS.perIp),
    RATE_LIMIT_PER_VIEWER: limit(DEFAULT_RATE_LIMITS.perViewer),
    RATE_LIMIT_WINDOW_SECONDS: limit(DEFAULT_RATE_LIMITS.windowSeconds),
    RATE_LIMIT_PIN_PER_VIEWER: limit(DEFAULT_RATE_LIMITS.pinPerViewer),
    RATE_LIMIT_PIN_WINDOW_SECONDS: limit(DEFAULT_RATE_LIMITS.pinWindowSeconds),
    REDIS_URL: z.url().optional(),
    REDIS_KEY_PREFIX: z.string().default('support-graph:'),
    TRUSTED_DOCUMENTS: z.enum(['true', 'false']).default('false'),
    TRUSTED_DOCUMENTS_PATH: z
      .string()
      .default(join(projectRoot(), 'schema', 'trusted-documents.json')),
    RATE_LIMIT_KEY_PREFIX: z.string().min(1).default('gateway-rate'),
    TRUST_PROXY: trustProxy,
    LIVE_UPSTREAM_CONNECTIONS: z.coerce.number().int().min(1).max(64).default(4),
    LIVE_CLIENT_BUFFER: z.coerce.number().int().min(1).max(100_000).default(1_000),
    CONSOLE_DIR: z.string().default(join(projectRoot(), 'dist', 'console')),
    CONSOLE_OIDC_ISSUER: z.url().optional(),
    CONSOLE_OIDC_CLIENT_ID: z.string().min(1).optional(),
    CONSOLE_OIDC_SCOPE: z.string().min(1).default('openid email profile'),
  })
  .refine((c) => !c.CONSOLE_OIDC_ISSUER === !c.CONSOLE_OIDC_CLIENT_ID, {
    message: 'set CONSOLE_OIDC_ISSUER and CONSOLE_OIDC_CLIENT_ID together',
    path: ['CONSOLE_OIDC_CLIENT_ID'],
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
  const introspection = c.INTROSPECTION ? c.INTROSPECTION === 'true' : c.NODE_ENV !== 'production';
  return {
    port: c.PORT,
    host: c.HOST,
    nodeEnv: c.NODE_ENV,
    logLevel: c.LOG_LEVEL,
    supergraphPath: resolve(c.SUPERGRAPH_PATH),
    subgraphUrlOverrides: definedOnly({
      accounts: c.ACCOUNTS_URL,
      billing: c.BILLING_URL,
      cases: c.CASES_URL,
    }),
    metrics: { port: c.METRICS_PORT, host: c.METRICS_HOST },
    internalSecret: c.INTERNAL_SECRET ?? ensureDevInternalSecret(dataDir),
    jwt: {
      issuer: c.JWT_ISSUER,
      audience: c.JWT_AUDIENCE,
      jwksUrl: c.JWT_JWKS_URL ?? null,
      devKeyFile: resolve(c.JWT_DEV_KEY_FILE ?? join(dataDir, DEV_JWT_KEY_FILE)),
    },
    viewerCacheTtlMs: c.VIEWER_CACHE_TTL_MS,
    viewerChanges: { redisUrl: c.REDIS_URL ?? null, keyPrefix: c.REDIS_KEY_PREFIX },
    subgraphTimeoutMs: c.SUBGRAPH_TIMEOUT_MS,
    subgraphFetchSharing: c.SUBGRAPH_FETCH_SHARING === 'true',
    subgraphFetchBatching: c.SUBGRAPH_FETCH_BATCHING === 'true',
    introspection,
    devSignIn: !c.JWT_JWKS_URL && c.NODE_ENV !== 'production',
    explorer: c.EXPLORER ? c.EXPLORER === 'on' : c.NODE_ENV !== 'production',
    operationLimits: {
      maxDepth: c.OPERATION_MAX_DEPTH,
      maxAliases: c.OPERATION_MAX_ALIASES,
      maxDirectives: c.OPERATION_MAX_DIRECTIVES,
      maxTokens: c.OPERATION_MAX_TOKENS,
      maxCost: c.OPERATION_MAX_COST,
      blockFieldSuggestions: !introspection,
    },
    rateLimits: {
      perIp: c.RATE_LIMIT_PER_IP,
      perViewer: c.RATE_LIMIT_PER_VIEWER,
      windowSeconds: c.RATE_LIMIT_WINDOW_SECONDS,
      pinPerViewer: c.RATE_LIMIT_PIN_PER_VIEWER,
      pinWindowSeconds: c.RATE_LIMIT_PIN_WINDOW_SECONDS,
      redisUrl: c.REDIS_URL ?? null,
      keyPrefix: c.RATE_LIMIT_KEY_PREFIX,
    },
    trustedDocumentsPath: c.TRUSTED_DOCUMENTS === 'true' ? resolve(c.TRUSTED_DOCUMENTS_PATH) : null,
    trustProxy: c.TRUST_PROXY,
    console: {
      dir: resolve(c.CONSOLE_DIR),
      oidc:
        c.CONSOLE_OIDC_ISSUER && c.CONSOLE_OIDC_CLIENT_ID
          ? {
              issuer: c.CONSOLE_OIDC_ISSUER,
              clientId: c.CONSOLE_OIDC_CLIENT_ID,
              scope: c.CONSOLE_OIDC_SCOPE,
            }
          : null,
    },
    live: {
      upstreamConnections: c.LIVE_UPSTREAM_CONNECTIONS,
      clientBuffer: c.LIVE_CLIENT_BUFFER,
    },
  };
}
