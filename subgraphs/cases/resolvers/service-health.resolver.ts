import { Arg, Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { Cloud } from '../../../lib/graphql/enums';
import { Parent } from '../../../lib/graphql/parent';
import type { CasesContext } from '../context';
import { serviceStatus } from '../domain/service-status';
import { HealthIssue } from '../entities/health-issue.entity';
import { HealthIssuePost } from '../entities/health-issue-post.entity';
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
    return services.map((s) => {
      const own = issues.filter((i) => i.service === s.name);
      return { service: s.name, status: serviceStatus(own), issues: own };
    });
  }
}

@Resolver(() => HealthIssue)
export class HealthIssueResolver {
  @FieldResolver(() => [HealthIssuePost], { description: 'Published updates, oldest first.' })
  posts(@Parent() issue: HealthIssue, @Ctx() ctx: CasesContext): Promise<HealthIssuePost[]> {
    return ctx.loaders.postsByIssueId.load(issue.id);
  }
}
