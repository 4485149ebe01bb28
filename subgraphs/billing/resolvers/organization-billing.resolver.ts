import { Arg, Ctx, Directive, FieldResolver, Int, Resolver } from 'type-graphql';
import { assertCan } from '../../../lib/access/policy';
import { AuditEntry } from '../../../lib/audit/audit-entry.entity';
import { BadUserInputError } from '../../../lib/errors/domain-errors';
import { Parent } from '../../../lib/graphql/parent';
import type { BillingContext } from '../context';
import { InvoiceView } from '../types/invoice.type';
import { Organization } from '../types/organization.type';
import { chargesOf } from '../views/billing-charges';
import { draftInvoiceViews, issuedInvoiceView } from '../views/invoice.view';

const REQUIRES_CLOUD = '@requires(fields: "cloud")';
const MAX_AUDIT_PAGE = 200;

@Resolver(() => Organization)
export class OrganizationBillingResolver {
  @Directive(REQUIRES_CLOUD)
  @FieldResolver(() => [InvoiceView], {
    nullable: true,
    description:
      'Monthly invoices, newest first: a DRAFT for the running month, then the issued ones. ' +
      'Null with FORBIDDEN for viewers without billing rights.',
  })
  async invoices(
    @Parent() organization: Organization,
    @Ctx() ctx: BillingContext,
  ): Promise<InvoiceView[]> {
    assertCan(ctx.viewer, 'billing:read', organization);
    const { loaders } = ctx;
    const [subscriptions, changes, issued] = await Promise.all([
      loaders.subscriptionsByOrganizationId.load(organization.id),
      loaders.licenseChangesByOrganizationId.load(organization.id),
      loaders.invoicesByOrganizationId.load(organization.id),
    ]);
    const [plans, lines] = await Promise.all([
      loaders.planById.loadMany(subscriptions.map((s) => s.plan.id)),
      Promise.all(issued.map((i) => loaders.linesByInvoiceId.load(i.id))),
    ]);
    const planById = new Map(
      plans.flatMap((p) => (p && !(p instanceof Error) ? [[p.id, p] as const] : [])),
    );
    const charges = chargesOf(subscriptions, planById, changes, ctx.now);
    const drafts = draftInvoiceViews(organization.id, issued[0]?.period ?? null, charges, ctx.now);
    return [
      ...drafts.reverse(),
      ...issued.map((invoice, i) => issuedInvoiceView(invoice, lines[i]!, ctx.now)),
    ];
  }

  @Directive(REQUIRES_CLOUD)
  @FieldResolver(() => [AuditEntry], {
    nullable: true,
    description:
      'Changes to subscriptions, newest first: who did what and when. Needs the rights to read ' +
      'both the audit log and the billing; null with FORBIDDEN otherwise.',
  })
  billingAuditLog(
    @Parent() organization: Organization,
    @Arg('first', () => Int, { defaultValue: 50, description: `At most ${MAX_AUDIT_PAGE}.` })
    first: number,
    @Ctx() ctx: BillingContext,
  ): Promise<AuditEntry[]> {
    assertCan(ctx.viewer, 'audit:read', organization);
    assertCan(ctx.viewer, 'billing:read', organization);
    if (first < 1 || first > MAX_AUDIT_PAGE) {
      throw new BadUserInputError(`first must be between 1 and ${MAX_AUDIT_PAGE}.`, 'first');
    }
    return ctx.loaders.auditLog.load({ organizationId: organization.id, first });
  }
}
