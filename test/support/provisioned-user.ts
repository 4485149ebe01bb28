import type { Stack } from './stack';

/**
 * Makes a demo user one the organization provisioned but who never signed in: no stored subject,
 * so the identity provider's first token with a verified e-mail links it (README, "How a request
 * travels"). The seed gives every demo user the development issuer's subject instead.
 */
export async function asNeverSignedIn(stack: Stack, email: string): Promise<void> {
  await stack.subgraphs.accounts.orm.em
    .getConnection()
    .execute('update app_user set subject_issuer = null, subject = null where email = ?', [email]);
}
