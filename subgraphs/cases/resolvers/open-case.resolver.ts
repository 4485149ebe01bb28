import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { openCase } from '../commands/open-case.command';
import type { CasesContext } from '../context';
import { SupportCase } from '../entities/support-case.entity';
import { OpenCaseInput } from '../types/open-case.input';

@Resolver(() => SupportCase)
export class OpenCaseResolver {
  @Mutation(() => SupportCase, {
    description:
      'Opens a service request for an organization (its admins, or a delegated partner agent).',
  })
  openCase(
    @Arg('input', () => OpenCaseInput) input: OpenCaseInput,
    @Ctx() ctx: CasesContext,
  ): Promise<SupportCase> {
    return openCase(ctx, input);
  }
}
