/**
 * Who a verified bearer token names, as the gateway hands it to accounts. The person is the
 * issuer's immutable subject; the e-mail only links an existing user on first sign-in, and only
 * when the identity provider says it verified it.
 */
export interface SignIn {
  /** The token's `iss`, or `entra:<tid>` for Microsoft Entra ID tokens. */
  issuer: string;
  /** The token's `sub`, or the object id `oid` for Microsoft Entra ID tokens. */
  subject: string;
  email: string | null;
  emailVerified: boolean;
}

/** One cache and lookup key per person at the identity provider. */
export const signInKey = (signIn: Pick<SignIn, 'issuer' | 'subject'>): string =>
  `${signIn.issuer}\n${signIn.subject}`;
