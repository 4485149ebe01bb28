import { Ctx, Directive, FieldResolver, Resolver } from 'type-graphql';
import { assertCan } from '../../../lib/access/policy';
import { Parent } from '../../../lib/graphql/parent';
import { openingSeverity } from '../commands/opening-severity';
import { assignedSeverity, responseTargetView } from '../commands/response-target-view';
import { supportOptions } from '../commands/support-options';
import type { CasesContext } from '../context';
import { loadOrganizationSupport, targetScope } from '../peers/organization-support';
import { Organization } from '../types/organization.type';
import { SupportOptions } from '../types/support-options.type';

@Resolver(() => Organization)
export class SupportOptionsResolver {
  // The cloud comes from accounts with the reference: engineers' access is per cloud.
  @Directive('@requires(fields: "cloud")')
  @FieldResolver(() => SupportOptions, {
    nullable: true,
    description:
      'What the portal shows before a case is opened: who supports the organization, channels, ' +
      'hours, languages and the expected wait right now; for anyone who may see the organization ' +
      '(a member without an admin role is pointed to self-help, the community and its admins).',
  })
  async supportOptions(
    @Parent() root: Organization,
    @Ctx() ctx: CasesContext,
  ): Promise<SupportOptions> {
    assertCan(ctx.viewer, 'organization:read', { id: root.id, cloud: root.cloud ?? null });
    const support = await loadOrganizationSupport(ctx, root.id);
    const { organization } = support;
    const view = await supportOptions(ctx, support);
    return {
      ...view,
      supportingPartner: view.supportingPartner ? { id: view.supportingPartner.id } : null,
      categories: view.categories.map((c) => ({
        ...c,
        expectedWait: c.expectedWait.map((w) => ({
          ...w,
          responseTarget: responseTargetView(
            w.rule,
            targetScope(support, c.category, w.severity),
            assignedSeverity(
              openingSeverity(support, c.category, w.severity, null, true),
              w.severity,
            ),
            organization.timeZone,
            ctx.now,
          ),
        })),
      })),
    };
  }
}
