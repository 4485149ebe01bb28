import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Cloud } from '../../../lib/graphql/enums';
import type { CasesContext } from '../context';
import { ServiceHealth } from '../types/service-health.type';

@Resolver(() => ServiceHealth)
export class ServiceHealthResolver {
  // Public on purpose: admins check the dashboard before opening a case, signed in or not.
  @Query(() => [ServiceHealth], {
    description: "A cloud's service health dashboard: each service, its status and its issues.",
  })
  async serviceHealth(
    @Arg('cloud', () => Cloud) cloud: Cloud,
    @Ctx() ctx: CasesContext,
  ): Promise<ServiceHealth[]> {
    const [services, issues] = await Promise.all([
      ctx.loaders.servicesByCloud.load(cloud),
      ctx.loaders.issuesByCloud.load(cloud),
    ]);
    return services.map((s) => ({
      service: s.name,
      status: s.status,
      issues: issues.filter((i) => i.service === s.name),
    }));
  }
}
