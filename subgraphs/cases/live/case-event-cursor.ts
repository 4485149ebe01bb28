import { BadUserInputError } from '../../../lib/errors/domain-errors';

// Cursors of live updates: opaque to clients (base64url), ordered because they wrap the event
// log's gap-free, commit-ordered id.

const PREFIX = 'ce:';

export function encodeEventCursor(id: number): string {
  return Buffer.from(`${PREFIX}${id}`, 'utf8').toString('base64url');
}

export function decodeEventCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 0) {
    throw new BadUserInputError('The cursor is not one this API issued.', 'after');
  }
  return id;
}
