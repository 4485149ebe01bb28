import { randomUUID } from 'node:crypto';
import { requireUser } from '../../../lib/access/policy';
import { recordAudit } from '../../../lib/audit/record-audit';
import {
  BadUserInputError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  ServiceUnavailableError,
  VerificationFailedError,
} from '../../../lib/errors/domain-errors';
import { parseId } from '../../../lib/graphql/ids';
import type { AccountsContext } from '../context';
import { maskEmail, maskPhone, toE164 } from '../domain/phone-number';
import {
  afterWrongCode,
  assertConfirmable,
  CHALLENGE_WINDOW_MS,
  CHALLENGES_PER_WINDOW,
  CODE_LIFETIME_MS,
  codeMatches,
  GRANT_LIFETIME_MS,
  generateCode,
  hashCode,
  MAX_WRONG_CODES,
} from '../domain/phone-verification';
import { Organization } from '../entities/organization.entity';
import { PhoneVerification } from '../entities/phone-verification.entity';
import { ContactKind, RegisteredContact } from '../entities/registered-contact.entity';
import { VerificationGrant } from '../entities/verification-grant.entity';

type Em = AccountsContext['em'];

function requireEngineer(ctx: AccountsContext): string {
  requireUser(ctx.viewer);
  if (!ctx.viewer.supportCloud || !ctx.viewer.userId) {
    throw new ForbiddenError('Only support engineers verify callers.');
  }
  return ctx.viewer.userId;
}

async function assertUnderRateLimit(em: Em, organization: Organization, now: Date): Promise<void> {
  const recent = await em.find(
    PhoneVerification,
    { organization, createdAt: { $gt: new Date(now.getTime() - CHALLENGE_WINDOW_MS) } },
    { orderBy: { createdAt: 'asc' }, fields: ['createdAt'] },
  );
  if (recent.length < CHALLENGES_PER_WINDOW) return;
  const retryAfter = Math.ceil(
    (recent[0].createdAt.getTime() + CHALLENGE_WINDOW_MS - now.getTime()) / 1000,
  );
  throw new RateLimitedError(
    `Too many verifications for this organization: try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
    retryAfter,
  );
}

function grant(
  em: Em,
  ctx: AccountsContext,
  organization: Organization,
  engineerId: string,
  via: string,
) {
  return em.create(VerificationGrant, {
    id: `grant-${randomUUID()}`,
    organization,
    engineer: engineerId,
    via,
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + GRANT_LIFETIME_MS),
  });
}

export interface StartedVerification {
  required: boolean;
  challengeId: string | null;
  sentTo: string | null;
  grantExpiresAt: Date | null;
}

/** A caller from a registered number is verified at once; anyone else must read back a code. */
export async function startPhoneVerification(
  ctx: AccountsContext,
  organizationId: string,
  callerPhone: string,
): Promise<StartedVerification> {
  const engineerId = requireEngineer(ctx);
  const caller = toE164(callerPhone);
  if (!caller)
    throw new BadUserInputError(
      'callerPhone must be an international number, e.g. +86 10 5555 0101.',
      'callerPhone',
    );
  const started = await ctx.em.transactional(async (em): Promise<StartedVerification> => {
    const organization = await em.findOne(Organization, {
      id: parseId(organizationId, 'organizationId'),
    });
    if (!organization) throw new NotFoundError('Organization', organizationId);
    if (organization.cloud !== ctx.viewer.supportCloud) {
      throw new ForbiddenError(
        `Support engineers of ${ctx.viewer.supportCloud} cannot verify callers of ${organization.cloud}.`,
      );
    }
    const contacts = await em.find(
      RegisteredContact,
      { organization },
      { orderBy: { createdAt: 'asc' } },
    );
    if (contacts.some((c) => c.e164 === caller)) {
      const access = grant(em, ctx, organization, engineerId, 'REGISTERED_NUMBER');
      recordAudit(
        em,
        ctx.viewer,
        { organizationId, action: 'verification.registeredNumber', target: engineerId },
        ctx.now,
      );
      return { required: false, challengeId: null, sentTo: null, grantExpiresAt: access.expiresAt };
    }
    await assertUnderRateLimit(em, organization, ctx.now);
    const destination = contacts.find((c) => c.kind === ContactKind.EMAIL) ?? contacts[0];
    if (!destination)
      throw new VerificationFailedError(
        'The organization has no registered contact to send a code to.',
      );
    const id = `challenge-${randomUUID()}`;
    const code = generateCode();
    const sentTo =
      destination.kind === ContactKind.EMAIL
        ? maskEmail(destination.value)
        : maskPhone(destination.e164 ?? destination.value);
    em.create(PhoneVerification, {
      id,
      organization,
      engineer: engineerId,
      callerPhone: caller,
      codeHash: hashCode(ctx.codeSecret, id, code),
      sentTo,
      createdAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + CODE_LIFETIME_MS),
    });
    recordAudit(
      em,
      ctx.viewer,
      { organizationId, action: 'verification.started', target: id, after: { sentTo } },
      ctx.now,
    );
    await em.flush();
    // Sent inside the transaction: if sending fails, no challenge is left that nobody can answer,
    // and it does not count against the organization's challenges.
    try {
      await ctx.notifier.send({
        to: destination.value,
        subject: `${organization.name}: support verification code`,
        body: `A support engineer is on the phone with someone from ${organization.name}. If that is you, read them this code: ${code}. It expires in 10 minutes. If you did not call support, ignore this message.`,
      });
    } catch (error) {
      ctx.log.warn({ err: error, organizationId, sentTo }, 'verification code not sent');
      throw new ServiceUnavailableError(
        `The verification code could not be sent to ${sentTo}, so no verification was started: try again shortly.`,
      );
    }
    return { required: true, challengeId: id, sentTo, grantExpiresAt: null };
  });
  if (!started.required) await ctx.viewerChanges.announce({ userIds: [engineerId] });
  return started;
}

export interface ConfirmedVerification {
  verified: boolean;
  grantExpiresAt: Date | null;
  attemptsLeft: number;
}

export async function confirmPhoneVerification(
  ctx: AccountsContext,
  challengeId: string,
  code: string,
) {
  const engineerId = requireEngineer(ctx);
  if (!/^\d{6}$/.test(code)) throw new BadUserInputError('The code has six digits.', 'code');
  const result = await ctx.em.transactional(
    async (em): Promise<ConfirmedVerification | VerificationFailedError> => {
      const challenge = await em.findOne(PhoneVerification, {
        id: parseId(challengeId, 'challengeId'),
        engineer: engineerId,
      });
      if (!challenge) throw new NotFoundError('Verification', challengeId);
      try {
        assertConfirmable(challenge, ctx.now);
      } catch (error) {
        return error as VerificationFailedError;
      }
      const organizationId = challenge.organization.id;
      if (!codeMatches(ctx.codeSecret, challenge.id, code, challenge.codeHash)) {
        Object.assign(challenge, afterWrongCode(challenge));
        recordAudit(
          em,
          ctx.viewer,
          { organizationId, action: 'verification.wrongCode', target: challenge.id },
          ctx.now,
        );
        return {
          verified: false,
          grantExpiresAt: null,
          attemptsLeft: MAX_WRONG_CODES - challenge.failedAttempts,
        };
      }
      challenge.status = 'VERIFIED';
      challenge.verifiedAt = ctx.now;
      const access = grant(em, ctx, challenge.organization, engineerId, 'CODE');
      recordAudit(
        em,
        ctx.viewer,
        { organizationId, action: 'verification.verified', target: challenge.id },
        ctx.now,
      );
      return { verified: true, grantExpiresAt: access.expiresAt, attemptsLeft: 0 };
    },
  );
  // A dead challenge is refused, but only after the transaction: nothing to roll back.
  if (result instanceof VerificationFailedError) throw result;
  if (result.verified) await ctx.viewerChanges.announce({ userIds: [engineerId] });
  return result;
}
