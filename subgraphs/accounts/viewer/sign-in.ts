import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { recordAudit } from '../../../lib/audit/record-audit';
import { UnauthenticatedError } from '../../../lib/errors/domain-errors';
import type { SignIn } from '../../../lib/viewer/sign-in';
import { ANONYMOUS, type Viewer } from '../../../lib/viewer/viewer';
import { User } from '../entities/user.entity';

// Which user a verified token is: the one stored with the issuer's immutable subject. The e-mail
// is used at most once per user, to link a user nobody has signed in as yet, and only when the
// identity provider verified it: a changed or unverified address never moves a person.

const UNVERIFIED =
  'This sign-in is not linked to a user, and the identity provider did not verify its e-mail ' +
  'address: sign in with a verified e-mail address, or ask an administrator to link your account.';

const bySubject = (em: EntityManager, signIn: SignIn) =>
  em.findOne(
    User,
    { subjectIssuer: signIn.issuer, subject: signIn.subject },
    { populate: ['organization'], refresh: true },
  );

export async function userForSignIn(em: EntityManager, signIn: SignIn, now: Date): Promise<User> {
  const known = await bySubject(em, signIn);
  if (known) return known;
  if (!signIn.email || !signIn.emailVerified) throw new UnauthenticatedError(UNVERIFIED);
  const user = await em.findOne(User, { email: signIn.email }, { populate: ['organization'] });
  if (!user) throw new UnauthenticatedError(`No user is registered for ${signIn.email}.`);
  if (user.subject) throw alreadyLinked(signIn.email);
  if (await link(em, user, signIn, now)) return user;
  // Another first sign-in linked it meanwhile: this one if it was the same sign-in.
  const linked = await bySubject(em, signIn);
  if (linked) return linked;
  throw alreadyLinked(signIn.email);
}

/** Claims the user for this subject, unless another sign-in did first. */
async function link(em: EntityManager, user: User, signIn: SignIn, now: Date): Promise<boolean> {
  try {
    return await em.transactional(async (tx) => {
      const claimed = await tx.nativeUpdate(
        User,
        { id: user.id, subject: null },
        { subjectIssuer: signIn.issuer, subject: signIn.subject },
      );
      if (claimed === 0) return false;
      if (user.organization) {
        recordAudit(
          tx,
          actor(user),
          {
            organizationId: user.organization.id,
            action: 'user.signInLinked',
            target: user.id,
            after: { issuer: signIn.issuer, via: 'verified e-mail' },
          },
          now,
        );
      }
      return true;
    });
  } catch (error) {
    // The subject was linked to another user in the meantime.
    if (error instanceof UniqueConstraintViolationException) return false;
    throw error;
  }
}

const alreadyLinked = (email: string) =>
  new UnauthenticatedError(
    `${email} belongs to a user who signs in with another account of the identity provider; ` +
      'an e-mail address links a user once.',
  );

/** The user signing in is who did it. */
const actor = (user: User): Viewer => ({
  ...ANONYMOUS,
  kind: 'user',
  userId: user.id,
  email: user.email,
});
