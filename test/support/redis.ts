import { randomBytes } from 'node:crypto';

// The shared Redis for tests: never flushed or restarted; each test run keys under its own
// prefix. A test that must kill Redis starts its own (own-redis.ts).

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const uniqueRedisPrefix = (): string => `test-${randomBytes(6).toString('hex')}:`;
