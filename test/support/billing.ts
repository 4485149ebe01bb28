import { projectDocument } from './project-operations';
import type { Stack } from './stack';

// Helpers for the billing end-to-end tests: run an operation by name (contract first, then the
// project's own), and read what a user would look at after a change.

const CONTRACT = new Set([
  'StartTrial',
  'ConvertTrial',
  'ChangeLicenses',
  'RenewSubscription',
  'CancelSubscription',
  'Invoices',
  'Plans',
  'SupportPicture',
]);

export {
  AGENT,
  ALICE,
  BOB,
  CAROL,
  CN_ENGINEER,
  DAN,
  GLOBAL_ENGINEER,
  HANA,
  LI,
  MEI,
  WEI,
  ZHANG,
} from './demo-users';

export { firstCode as codeOf } from './stack';

export function billingClient(stack: Stack) {
  const run = (operationName: string, variables: Record<string, unknown>, email?: string) =>
    CONTRACT.has(operationName)
      ? stack.contract(operationName, variables, email)
      : stack.query(projectDocument(operationName), variables, { email, operationName });

  return {
    run,
    /** Subscriptions as the organization's global or billing admin sees them. */
    async subscriptions(organizationId: string, email: string): Promise<any[]> {
      const { data, errors } = await run('BillingDetails', { organizationId }, email);
      if (errors) throw new Error(JSON.stringify(errors));
      return data!.organization.subscriptions;
    },
    async subscription(organizationId: string, id: string, email: string): Promise<any> {
      const all = await this.subscriptions(organizationId, email);
      return all.find((s) => s.id === id);
    },
    async auditLog(organizationId: string, email: string): Promise<any[]> {
      const { data, errors } = await run('BillingAuditLog', { organizationId, first: 200 }, email);
      if (errors) throw new Error(JSON.stringify(errors));
      return data!.organization.billingAuditLog;
    },
    async invoices(organizationId: string, email: string): Promise<any[]> {
      const { data, errors } = await run('InvoiceDetails', { organizationId }, email);
      if (errors) throw new Error(JSON.stringify(errors));
      return data!.organization.invoices;
    },
  };
}

export type BillingClient = ReturnType<typeof billingClient>;
