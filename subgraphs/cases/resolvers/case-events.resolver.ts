import { Arg, Ctx, ID, Resolver, Subscription } from 'type-graphql';
import { Parent } from '../../../lib/graphql/parent';
import type { CasesContext } from '../context';
import type { CommittedCaseEvent } from '../live/case-event-bus';
import { encodeEventCursor } from '../live/case-event-cursor';
import { type CaseEventsArgs, subscribeCaseEvents } from '../live/case-events.subscription';
import { CaseEventMessage } from '../types/case-event.type';

@Resolver(() => CaseEventMessage)
export class CaseEventsResolver {
  @Subscription(() => CaseEventMessage, {
    description:
      'Live case updates. Without organizationId: every case of the organizations the viewer may ' +
      "see. With partnerId: that partner's own Partner Center requests. With after: replays " +
      'every event since that cursor, then goes live.',
    subscribe: ({ args, context }) =>
      subscribeCaseEvents(context as CasesContext, args as CaseEventsArgs),
  })
  async caseEvents(
    @Parent() event: CommittedCaseEvent,
    @Ctx() ctx: CasesContext,
    @Arg('after', () => String, { nullable: true }) _after?: string,
    @Arg('organizationId', () => ID, { nullable: true }) _organizationId?: string,
    @Arg('partnerId', () => ID, { nullable: true }) _partnerId?: string,
  ): Promise<CaseEventMessage> {
    // A subscription keeps one context for its lifetime: each event gets the unit of work all its
    // subscribers share, so the case is read once, as committed, not from an earlier event's map.
    const scope = ctx.eventScope!(event);
    ctx.em = scope.em;
    ctx.loaders = scope.loaders;
    ctx.now = scope.now;
    const kase = await scope.kase;
    return {
      cursor: encodeEventCursor(event.id),
      kind: event.kind,
      at: event.at,
      kase,
    };
  }
}
