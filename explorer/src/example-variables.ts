// Variables that run as-is for the demo tenants when signed in as Alice (global admin of
// Contoso). Operations not listed get their variables with null values to fill in.

const contoso = 'org-contoso';

export const EXAMPLE_VARIABLES: Record<string, Record<string, unknown>> = {
  Viewer: {},
  SupportPicture: { organizationId: contoso },
  ServiceHealth: { cloud: 'GLOBAL' },
  Plans: { cloud: 'GLOBAL' },
  Invoices: { organizationId: contoso },
  CaseEvents: { organizationId: contoso },
  ResponseTarget: { organizationId: contoso, category: 'TECHNICAL', severity: 'B' },
  OpenCase: {
    input: {
      organizationId: contoso,
      category: 'TECHNICAL',
      topic: 'Exchange Online',
      title: 'Shared mailbox does not open',
      description: 'Since this morning the shared mailbox "Sales" shows an error in Outlook.',
      severity: 'C',
      contact: {
        phone: '+1 425 555 0100',
        email: 'alice@contoso.example',
        preferredMethod: 'EMAIL',
      },
    },
  },
  StartPhoneVerification: { organizationId: contoso, callerPhone: '+1 425 555 0100' },
};
