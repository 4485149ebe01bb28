import { AdminRole, Cloud } from '../domain/enums';

// The demo tenants of contract/README.md. Ids are stable and shared by the three subgraphs'
// seeds, which is how one organization lines up across three databases.

export const ORG = {
  contoso: 'org-contoso',
  fabrikam: 'org-fabrikam',
  northwind: 'org-northwind',
  tailspin: 'org-tailspin',
  adatum: 'org-adatum',
  microsoftSupport: 'org-microsoft-support',
  vianetSupport: 'org-21vianet-support',
} as const;

export const PARTNER = { litware: 'partner-litware' } as const;

export const DEMO_PARTNER_NAMES: Record<string, string> = { [PARTNER.litware]: 'Litware' };

export interface DemoOrganization {
  id: string;
  name: string;
  cloud: Cloud;
  timeZone: string;
  advancedSupportAgreement: boolean;
  /** Support providers' own organizations hold the support engineers. */
  provider: boolean;
  phone: string;
  email: string;
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    id: ORG.contoso,
    name: 'Contoso',
    cloud: Cloud.GLOBAL,
    timeZone: 'America/Los_Angeles',
    advancedSupportAgreement: false,
    provider: false,
    phone: '+1 425 555 0100',
    email: 'it@contoso.example',
  },
  {
    id: ORG.fabrikam,
    name: 'Fabrikam',
    cloud: Cloud.GLOBAL,
    timeZone: 'Europe/Berlin',
    advancedSupportAgreement: false,
    provider: false,
    phone: '+49 30 5555 0100',
    email: 'it@fabrikam.example',
  },
  {
    id: ORG.northwind,
    name: 'Northwind',
    cloud: Cloud.CHINA_21VIANET,
    timeZone: 'Asia/Shanghai',
    advancedSupportAgreement: true,
    provider: false,
    phone: '+86 10 5555 0101',
    email: 'it@northwind.example',
  },
  {
    id: ORG.tailspin,
    name: 'Tailspin',
    cloud: Cloud.CHINA_21VIANET,
    timeZone: 'Asia/Shanghai',
    advancedSupportAgreement: false,
    provider: false,
    phone: '+86 21 5555 0102',
    email: 'it@tailspin.example',
  },
  {
    id: ORG.adatum,
    name: 'Adatum',
    cloud: Cloud.CHINA_21VIANET,
    timeZone: 'Asia/Shanghai',
    advancedSupportAgreement: false,
    provider: false,
    phone: '+86 755 5555 0103',
    email: 'it@adatum.example',
  },
  {
    id: ORG.microsoftSupport,
    name: 'Microsoft support',
    cloud: Cloud.GLOBAL,
    timeZone: 'America/Los_Angeles',
    advancedSupportAgreement: false,
    provider: true,
    phone: '+1 800 555 0199',
    email: 'support@support.microsoft.example',
  },
  {
    id: ORG.vianetSupport,
    name: '21Vianet support',
    cloud: Cloud.CHINA_21VIANET,
    timeZone: 'Asia/Shanghai',
    advancedSupportAgreement: false,
    provider: true,
    phone: '+86 400 555 0199',
    email: 'support@support.21vianet.example',
  },
];

export interface DemoUser {
  id: string;
  email: string;
  displayName: string;
  organizationId: string | null;
  roles: AdminRole[];
  partnerId: string | null;
  supportEngineer: boolean;
}

const user = (
  id: string,
  email: string,
  displayName: string,
  organizationId: string | null,
  roles: AdminRole[] = [],
  extra: Partial<DemoUser> = {},
): DemoUser => ({
  id,
  email,
  displayName,
  organizationId,
  roles,
  partnerId: null,
  supportEngineer: false,
  ...extra,
});

export const DEMO_USERS: DemoUser[] = [
  user('user-alice', 'alice@contoso.example', 'Alice Jones', ORG.contoso, [AdminRole.GLOBAL_ADMIN]),
  user('user-bob', 'bob@contoso.example', 'Bob Smith', ORG.contoso),
  user('user-carol', 'carol@contoso.example', 'Carol Diaz', ORG.contoso, [AdminRole.BILLING_ADMIN]),
  user('user-dan', 'dan@fabrikam.example', 'Dan Weber', ORG.fabrikam, [AdminRole.GLOBAL_ADMIN]),
  user('user-wei', 'wei@northwind.example', 'Wei Chen', ORG.northwind, [
    AdminRole.SERVICE_SUPPORT_ADMIN,
  ]),
  user('user-li', 'li@northwind.example', 'Li Na', ORG.northwind, [AdminRole.GLOBAL_READER]),
  user('user-zhang', 'zhang@northwind.example', 'Zhang Wei', ORG.northwind, [
    AdminRole.BILLING_ADMIN,
  ]),
  user('user-mei', 'mei@tailspin.example', 'Mei Lin', ORG.tailspin, [AdminRole.GLOBAL_ADMIN]),
  user('user-hana', 'hana@adatum.example', 'Hana Kim', ORG.adatum, [AdminRole.GLOBAL_ADMIN]),
  user('user-litware-agent', 'agent@litware.example', 'Litware Agent', null, [], {
    partnerId: PARTNER.litware,
  }),
  user(
    'user-engineer-cn',
    'engineer@support.21vianet.example',
    '21Vianet Engineer',
    ORG.vianetSupport,
    [],
    { supportEngineer: true },
  ),
  user(
    'user-engineer-global',
    'engineer@support.microsoft.example',
    'Microsoft Engineer',
    ORG.microsoftSupport,
    [],
    { supportEngineer: true },
  ),
];

export const demoUserByEmail = (email: string) => DEMO_USERS.find((u) => u.email === email);
