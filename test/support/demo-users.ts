import { AdminRole } from '../../lib/domain/enums';
import { ANONYMOUS, type Viewer } from '../../lib/viewer/viewer';

// The demo users tests sign in as (lib/demo/demo-tenants.ts seeds them), by the e-mail a token
// carries. One list, so a test reads `ALICE` and a renamed user is changed once.

/** Contoso (global): global admin, a user without admin roles, the billing admin. */
export const ALICE = 'alice@contoso.example';
export const BOB = 'bob@contoso.example';
export const CAROL = 'carol@contoso.example';
/** Contoso: an Exchange admin (no support roles). */
export const ERIN = 'erin@contoso.example';
/** Fabrikam (global): global admin. */
export const DAN = 'dan@fabrikam.example';
/** Northwind (21Vianet): service support admin, global reader, billing admin. */
export const WEI = 'wei@northwind.example';
export const LI = 'li@northwind.example';
export const ZHANG = 'zhang@northwind.example';
/** Tailspin and Adatum: global admins. */
export const MEI = 'mei@tailspin.example';
export const HANA = 'hana@adatum.example';
/** Litware's agent, a partner acting for the customers that delegated to it. */
export const AGENT = 'agent@litware.example';
/** Support engineers of each cloud. */
export const CN_ENGINEER = 'engineer@support.21vianet.example';
export const GLOBAL_ENGINEER = 'engineer@support.microsoft.example';

/** Alice's viewer context as the gateway resolves and signs it, for tests that talk to subgraphs. */
export const ALICE_VIEWER: Viewer = {
  ...ANONYMOUS,
  kind: 'user',
  userId: 'user-alice',
  email: ALICE,
  organizationId: 'org-contoso',
  roles: [AdminRole.GLOBAL_ADMIN],
};
