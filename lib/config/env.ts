import { z } from 'zod';

/**
 * Parses an environment against a zod schema and fails fast: every problem is reported at once,
 * then the process exits (or the caller gets an Error in tests).
 */
export function parseEnv<T extends z.ZodType>(
  schema: T,
  env: NodeJS.ProcessEnv,
  processName: string,
): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((issue) => `  - ${issue.path.join('.') || '(env)'}: ${issue.message}`)
    .join('\n');
  throw new Error(`Invalid configuration for ${processName}:\n${problems}`);
}

export const port = (fallback: number) =>
  z.coerce.number().int().min(0).max(65535).default(fallback);

export const logLevel = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  .default('info');

export const nodeEnv = z.enum(['development', 'test', 'production']).default('development');

/** A database URL: a `postgresql://` URL, or a SQLite file path (optionally `file:`-prefixed). */
export const databaseUrl = z
  .string()
  .min(1)
  .refine((value) => !/^[a-z]+:\/\//i.test(value) || /^postgres(ql)?:\/\//.test(value), {
    message: 'use a postgresql:// URL or a SQLite file path',
  });
