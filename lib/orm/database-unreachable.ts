// Recognises the errors that mean "the database is not there" (down, restarting, connection cut)
// as opposed to a bug or a constraint: those become SERVICE_UNAVAILABLE, worth a retry.

/** Socket-level failures reaching the server. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/** SQLSTATE: class 08 (connection exception), and the server shutting down or starting up. */
const SQLSTATE = /^(08...|57P0[1-3])$/;

/** What pg and knex say when a connection dies or none can be had. */
const MESSAGES = [
  /Connection terminated/i,
  /Knex: Timeout acquiring a connection/i,
  /Client has encountered a connection error and is not queryable/i,
  // knex, for the next statement of a transaction whose connection has just died
  /Transaction query already complete/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/** The driver's own errors only (MikroORM copies pg's code onto its exceptions), never a cause. */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATE.test(code))) return true;
  return MESSAGES.some((pattern) => pattern.test(error.message));
}
