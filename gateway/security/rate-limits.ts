import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { RequestHandler } from 'express';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import Redis from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { GatewayContext } from '../context';

// Rate limits at the gateway, per client IP (before any parsing) and per viewer (once the operation
// is known), with a tighter budget for the phone PIN operations, which guess a six-digit code.
// Counters live in memory, or in Redis when REDIS_URL is set so that every gateway replica shares
// them; if Redis is unreachable, each replica falls back to its own memory rather than failing open.

export interface RateLimitsConfig {
  /** Requests per client IP per window. */
  perIp: number;
  /** Operations per signed-in viewer per window. */
  perViewer: number;
  windowSeconds: number;
  /** startPhoneVerification / confirmPhoneVerification per viewer per PIN window. */
  pinPerViewer: number;
  pinWindowSeconds: number;
  redisUrl: string | null;
  /** Namespace of the Redis keys (tests use one per stack). */
  keyPrefix: string;
}

export const DEFAULT_RATE_LIMITS: Omit<RateLimitsConfig, 'redisUrl' | 'keyPrefix'> = {
  perIp: 1_200,
  perViewer: 600,
  windowSeconds: 60,
  pinPerViewer: 30,
  pinWindowSeconds: 600,
};

const PIN_FIELDS = new Set(['startPhoneVerification', 'confirmPhoneVerification']);

function rateLimited(retryAfter: number): GraphQLError {
  return new GraphQLError(`Too many requests; try again in ${retryAfter} s.`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfter,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) },
    },
  });
}

const secondsOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

export function createRateLimits(config: RateLimitsConfig) {
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    : null;
  redis?.on('error', () => {}); // reconnects by itself; the insurance limiter covers the gap
  const limiter = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const keyPrefix = `${config.keyPrefix}:${name}`;
    const memory = new RateLimiterMemory({ keyPrefix, points, duration });
    return redis
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix,
          points,
          duration,
          insuranceLimiter: memory,
        })
      : memory;
  };
  const byIp = limiter('ip', config.perIp, config.windowSeconds);
  const byViewer = limiter('viewer', config.perViewer, config.windowSeconds);
  const pin = limiter('pin', config.pinPerViewer, config.pinWindowSeconds);

  /** Throws RATE_LIMITED (as a GraphQLError) when the key has no points left. */
  const consume = async (target: RateLimiterAbstract, key: string, points = 1) => {
    try {
      await target.consume(key, points);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw rateLimited(secondsOf(error));
      throw error;
    }
  };

  const ipMiddleware: RequestHandler = async (req, res, next) => {
    try {
      await consume(byIp, req.ip ?? req.socket.remoteAddress ?? 'unknown');
      next();
    } catch (error) {
      if (!(error instanceof GraphQLError)) return next(error);
      const retryAfter = error.extensions.retryAfter as number;
      res.status(429).setHeader('retry-after', String(retryAfter));
      res.json({
        errors: [{ message: error.message, extensions: { code: 'RATE_LIMITED', retryAfter } }],
      });
    }
  };

  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          const viewer = contextValue.viewer;
          const viewerKey = viewer.userId ?? viewer.email ?? viewer.kind;
          if (viewer.kind !== 'anonymous') await consume(byViewer, viewerKey);
          const attempts = operation ? pinAttempts(operation.selectionSet, document) : 0;
          if (attempts > 0) await consume(pin, viewerKey, attempts);
        },
      };
    },
  };

  return {
    ipMiddleware,
    plugin,
    /** Waits (at most 3 s) for Redis, so the first requests count there, not in the fallback. */
    ready: (): Promise<void> =>
      redis && redis.status !== 'ready'
        ? new Promise((resolve) => {
            redis.once('ready', () => resolve());
            setTimeout(resolve, 3_000).unref();
          })
        : Promise.resolve(),
    close: async () => {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** PIN guesses in one operation: root fields, through aliases, inline fragments and spreads. */
function pinAttempts(
  selectionSet: SelectionSetNode,
  document: DocumentNode,
  seen = new Set(),
): number {
  let count = 0;
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) count += PIN_FIELDS.has(s.name.value) ? 1 : 0;
    else if (s.kind === Kind.INLINE_FRAGMENT) count += pinAttempts(s.selectionSet, document, seen);
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      const fragment = document.definitions.find(
        (d): d is FragmentDefinitionNode =>
          d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value,
      );
      if (fragment) count += pinAttempts(fragment.selectionSet, document, seen);
    }
  }
  return count;
}
