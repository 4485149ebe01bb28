import { Arg, Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { postServiceIssue, updateServiceIssue } from '../commands/service-issue.commands';
import type { CasesContext } from '../context';
import { HealthIssue } from '../entities/health-issue.entity';
import { PostServiceIssueInput, UpdateServiceIssueArgs } from '../types/service-issue.input';

// Support engineers of a cloud publish its service health; everyone may read it.
@Resolver(() => HealthIssue)
export class ServiceHealthAdminResolver {
  @Mutation(() => HealthIssue, {
    description: "Publishes an incident or advisory on a service of the engineer's cloud.",
  })
  postServiceIssue(
    @Arg('input', () => PostServiceIssueInput) input: PostServiceIssueInput,
    @Ctx() ctx: CasesContext,
  ): Promise<HealthIssue> {
    return postServiceIssue(ctx, input);
  }

  @Mutation(() => HealthIssue, {
    description: 'Adds a post to an issue and sets its status; a closing status ends the issue.',
  })
  updateServiceIssue(
    @Args(() => UpdateServiceIssueArgs) { id, status, message, title }: UpdateServiceIssueArgs,
    @Ctx() ctx: CasesContext,
  ): Promise<HealthIssue> {
    return updateServiceIssue(ctx, id, status, message, title);
  }
}
