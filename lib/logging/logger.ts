import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; every line carries the process name, request lines the request id. */
export function createLogger(name: string, level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      name,
      level,
      base: { service: name },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: ['req.headers.authorization', 'authorization', 'code', '*.code'],
    },
    destination,
  );
}

export const REQUEST_ID_HEADER = 'x-request-id';
