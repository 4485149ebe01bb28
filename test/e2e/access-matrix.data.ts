// Who may run which tenant-scoped operation, as data: a new operation adds a row. Contract
// operations, and the project's own (test/operations/) where the contract has none yet.
//   data       the whole answer, no error
//   partial    the organization, with FORBIDDEN on the parts the viewer's roles do not cover
//   FORBIDDEN / NOT_FOUND / UNAUTHENTICATED   nothing of the tenant, that error code

import { CN_ENGINEER, ERIN, GLOBAL_ENGINEER } from '../support/demo-users';

export type Outcome = 'data' | 'partial' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';

export const VIEWERS = [
  'anonymous',
  'alice@contoso.example',
  'bob@contoso.example',
  'carol@contoso.example',
  'erin@contoso.example',
  'dan@fabrikam.example',
  'wei@northwind.example',
  'li@northwind.example',
  'zhang@northwind.example',
  'mei@tailspin.example',
  'hana@adatum.example',
  'agent@litware.example',
  'engineer@support.21vianet.example',
  'engineer@support.microsoft.example',
] as const;

export type ViewerName = (typeof VIEWERS)[number];

export interface MatrixRow {
  name: string;
  operation: string;
  /** Where the operation's document lives; the contract unless said otherwise. */
  source?: 'contract' | 'project';
  variables: Record<string, unknown>;
  /** Viewers not listed get FORBIDDEN (anonymous: UNAUTHENTICATED). */
  outcomes: Partial<Record<ViewerName, Outcome>>;
}

export const ACCESS_MATRIX: MatrixRow[] = [
  {
    name: 'SupportPicture of Contoso',
    operation: 'SupportPicture',
    variables: { organizationId: 'org-contoso' },
    outcomes: {
      'alice@contoso.example': 'data',
      'bob@contoso.example': 'partial',
      'carol@contoso.example': 'data',
      // Exchange admin: cases, contacts and entitlement (issue 12.2), not the subscriptions.
      [ERIN]: 'partial',
      [GLOBAL_ENGINEER]: 'partial',
    },
  },
  {
    name: 'SupportPicture of Fabrikam',
    operation: 'SupportPicture',
    variables: { organizationId: 'org-fabrikam' },
    outcomes: { 'dan@fabrikam.example': 'data', [GLOBAL_ENGINEER]: 'partial' },
  },
  {
    name: 'SupportPicture of Northwind',
    operation: 'SupportPicture',
    variables: { organizationId: 'org-northwind' },
    outcomes: {
      'wei@northwind.example': 'partial',
      'li@northwind.example': 'data',
      'zhang@northwind.example': 'data',
      [CN_ENGINEER]: 'partial',
    },
  },
  {
    name: 'SupportPicture of Tailspin (delegated to Litware)',
    operation: 'SupportPicture',
    variables: { organizationId: 'org-tailspin' },
    outcomes: {
      'mei@tailspin.example': 'data',
      'agent@litware.example': 'data',
      [CN_ENGINEER]: 'partial',
    },
  },
  {
    name: 'SupportPicture of Adatum (Litware delegation expired)',
    operation: 'SupportPicture',
    variables: { organizationId: 'org-adatum' },
    outcomes: { 'hana@adatum.example': 'data', [CN_ENGINEER]: 'partial' },
  },
  {
    name: 'SupportPicture of an organization that does not exist',
    operation: 'SupportPicture',
    variables: { organizationId: 'org-nowhere' },
    outcomes: Object.fromEntries(
      VIEWERS.filter((v) => v !== 'anonymous').map((v) => [v, 'NOT_FOUND' as const]),
    ),
  },
  {
    name: 'CaseDetail of a Contoso case',
    operation: 'CaseDetail',
    variables: { id: 'case-contoso-1' },
    outcomes: {
      'alice@contoso.example': 'data',
      'carol@contoso.example': 'data',
      [ERIN]: 'data',
      [GLOBAL_ENGINEER]: 'data',
    },
  },
  {
    name: 'CaseDetail of a Tailspin case opened by Litware',
    operation: 'CaseDetail',
    variables: { id: 'case-tailspin-1' },
    outcomes: {
      'mei@tailspin.example': 'data',
      'agent@litware.example': 'data',
      [CN_ENGINEER]: 'data',
    },
  },
  {
    name: 'CaseDetail of an Adatum case (Litware delegation expired)',
    operation: 'CaseDetail',
    variables: { id: 'case-adatum-1' },
    outcomes: { 'hana@adatum.example': 'data', [CN_ENGINEER]: 'data' },
  },
  {
    name: 'ResponseTarget for Northwind',
    operation: 'ResponseTarget',
    variables: { organizationId: 'org-northwind', category: 'TECHNICAL', severity: 'B' },
    outcomes: {
      'wei@northwind.example': 'data',
      'li@northwind.example': 'data',
      'zhang@northwind.example': 'data',
      [CN_ENGINEER]: 'data',
    },
  },
  {
    name: 'Invoices of Contoso',
    operation: 'Invoices',
    variables: { organizationId: 'org-contoso' },
    outcomes: {
      'alice@contoso.example': 'data',
      'bob@contoso.example': 'partial',
      'carol@contoso.example': 'data',
      [ERIN]: 'partial',
      [GLOBAL_ENGINEER]: 'partial',
    },
  },
  {
    name: 'Invoices of Tailspin (Litware holds BILLING_ADMIN)',
    operation: 'Invoices',
    variables: { organizationId: 'org-tailspin' },
    outcomes: {
      'mei@tailspin.example': 'data',
      'agent@litware.example': 'data',
      [CN_ENGINEER]: 'partial',
    },
  },
  {
    name: 'AssessSeverity of a Contoso case (support engineers of its cloud only)',
    operation: 'AssessSeverity',
    source: 'project',
    variables: { caseId: 'case-contoso-2', severity: 'C', reason: 'One user, workaround exists.' },
    outcomes: { [GLOBAL_ENGINEER]: 'data' },
  },
  {
    name: 'CloseCase OUT_OF_SCOPE of a Northwind case (support engineers of its cloud only)',
    operation: 'CloseCase',
    source: 'project',
    variables: {
      caseId: 'case-northwind-2',
      reason: 'OUT_OF_SCOPE',
      note: 'DNS is hosted by a third party: ask your DNS provider.',
    },
    outcomes: { [CN_ENGINEER]: 'data' },
  },
  {
    name: 'SupportOptions of Contoso (every member, non-admins pointed elsewhere)',
    operation: 'SupportOptions',
    source: 'project',
    variables: { organizationId: 'org-contoso' },
    outcomes: {
      'alice@contoso.example': 'data',
      'bob@contoso.example': 'data',
      'carol@contoso.example': 'data',
      [ERIN]: 'data',
      [GLOBAL_ENGINEER]: 'data',
    },
  },
  {
    name: 'SupportOptions of Tailspin (supported by Litware)',
    operation: 'SupportOptions',
    source: 'project',
    variables: { organizationId: 'org-tailspin' },
    outcomes: {
      'mei@tailspin.example': 'data',
      'agent@litware.example': 'data',
      [CN_ENGINEER]: 'data',
    },
  },
  {
    name: "Litware's own Partner Center request",
    operation: 'PartnerRequestOfCase',
    source: 'project',
    variables: { id: 'case-litware-1' },
    outcomes: { 'agent@litware.example': 'data', [CN_ENGINEER]: 'data' },
  },
  {
    name: "Support's judgement of Litware's escalation for Tailspin",
    operation: 'CaseEscalation',
    source: 'project',
    variables: { id: 'case-tailspin-2' },
    outcomes: {
      'mei@tailspin.example': 'partial',
      'agent@litware.example': 'data',
      [CN_ENGINEER]: 'data',
    },
  },
];
