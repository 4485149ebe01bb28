import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class JudgeEscalationArgs {
  @Field(() => ID)
  caseId!: string;

  @Field(() => Boolean)
  appropriate!: boolean;

  @Field(() => String, { description: 'Why, for the partner; 1 to 1000 characters.' })
  reason!: string;
}
