import { BadUserInputError } from '../../../lib/errors/domain-errors';

// Opaque keyset cursors for case lists ordered newest first (openedAt desc, id desc): clients
// must not build them, so they are base64url, and anything that does not decode is refused.

export interface CaseCursor {
  openedAt: Date;
  id: string;
}

const SHAPE = /^(\d{1,15})~([A-Za-z0-9][A-Za-z0-9_-]{0,79})$/;

export function encodeCaseCursor(position: CaseCursor): string {
  return Buffer.from(`${position.openedAt.getTime()}~${position.id}`, 'utf8').toString('base64url');
}

export function decodeCaseCursor(cursor: string, argument = 'after'): CaseCursor {
  const match = /^[A-Za-z0-9_-]{1,200}$/.test(cursor)
    ? SHAPE.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
    : null;
  if (!match) {
    throw new BadUserInputError(
      `"${cursor.slice(0, 40)}" is not a cursor of this list: pass an endCursor or cursor it returned.`,
      argument,
    );
  }
  return { openedAt: new Date(Number(match[1])), id: match[2]! };
}
