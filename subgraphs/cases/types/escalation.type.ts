import { Field, Int, ObjectType } from 'type-graphql';
import { User } from './user.type';

@ObjectType({ description: "Support's judgement of a partner's escalation (003)." })
export class EscalationJudgement {
  @Field(() => Boolean)
  appropriate!: boolean;

  @Field(() => String)
  reason!: string;

  @Field(() => Date)
  judgedAt!: Date;

  @Field(() => User, { description: 'The support engineer who judged it.' })
  judgedBy!: User;
}

@ObjectType({
  description:
    "How support judged a partner's escalations, and whether a remediation plan is due (003).",
})
export class EscalationReview {
  @Field(() => Int, { description: 'Cases the partner opened for customers and escalated.' })
  escalated!: number;

  @Field(() => Int)
  appropriate!: number;

  @Field(() => Int)
  inappropriate!: number;

  @Field(() => Int)
  awaitingJudgement!: number;

  @Field(() => Int, { description: 'Judged inappropriate within the threshold window.' })
  inappropriateInWindow!: number;

  @Field(() => Boolean)
  remediationPlanDue!: boolean;

  @Field(() => String, { description: 'The threshold, in words (ours, not the documents’).' })
  remediationRule!: string;
}
