import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { loadSupportQueue, QUEUE_MAX } from '../commands/support-queue';
import type { CasesContext } from '../context';
import { SupportCase } from '../entities/support-case.entity';

@Resolver(() => SupportCase)
export class SupportQueueResolver {
  @Query(() => [SupportCase], {
    description:
      'Support engineers: the open cases of their cloud, nearest to breach first (waiting for a first response by due time, then the others oldest first). Live changes arrive through caseEvents.',
  })
  supportQueue(
    @Arg('first', () => Int, { defaultValue: 50, description: `1 to ${QUEUE_MAX}.` })
    first: number,
    @Ctx() ctx: CasesContext,
  ): Promise<SupportCase[]> {
    return loadSupportQueue(ctx, first);
  }
}
