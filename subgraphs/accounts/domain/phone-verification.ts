import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { VerificationFailedError } from '../../../lib/errors/domain-errors';

// Phone PIN verification rules (domain.md, "Accounts and roles"; expiry, single use and limits are
// our decisions). Kept pure so every rule has a unit test.

export const CODE_LIFETIME_MS = 10 * 60_000;
export const MAX_WRONG_CODES = 5;
/** How long a verified caller's organization stays open to the engineer. */
export const GRANT_LIFETIME_MS = 60 * 60_000;
/** At most this many challenges per organization in the window (a caller guessing numbers). */
export const CHALLENGES_PER_WINDOW = 5;
export const CHALLENGE_WINDOW_MS = 15 * 60_000;

export function generateCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Codes are stored as an HMAC bound to the challenge: a leaked table does not reveal them. */
export function hashCode(secret: string, challengeId: string, code: string): string {
  return createHmac('sha256', secret).update(`${challengeId}:${code}`).digest('hex');
}

export function codeMatches(
  secret: string,
  challengeId: string,
  code: string,
  storedHash: string,
): boolean {
  const candidate = Buffer.from(hashCode(secret, challengeId, code), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return candidate.length === stored.length && timingSafeEqual(candidate, stored);
}

export type ChallengeStatus = 'PENDING' | 'VERIFIED' | 'FAILED';

export interface ChallengeState {
  status: ChallengeStatus;
  expiresAt: Date;
  failedAttempts: number;
}

/** Refuses a confirmation that can no longer succeed, saying why in plain words. */
export function assertConfirmable(challenge: ChallengeState, now: Date): void {
  if (challenge.status === 'VERIFIED') {
    throw new VerificationFailedError('This code was already used. Start a new verification.');
  }
  if (challenge.status === 'FAILED' || challenge.failedAttempts >= MAX_WRONG_CODES) {
    throw new VerificationFailedError(
      'Too many wrong codes: this verification is closed. Start a new one.',
    );
  }
  if (challenge.expiresAt <= now) {
    throw new VerificationFailedError(
      'The code has expired (codes last 10 minutes). Start a new verification.',
    );
  }
}

/** The state after a wrong code: the fifth wrong code closes the challenge. */
export function afterWrongCode(challenge: ChallengeState): {
  failedAttempts: number;
  status: ChallengeStatus;
} {
  const failedAttempts = challenge.failedAttempts + 1;
  return { failedAttempts, status: failedAttempts >= MAX_WRONG_CODES ? 'FAILED' : 'PENDING' };
}
