import { Field, ObjectType } from 'type-graphql';
import { ClockState } from '../graphql-enums';

@ObjectType({ description: 'The initial response target of a case and where it stands.' })
export class ResponseClock {
  @Field(() => ClockState)
  state!: ClockState;

  @Field(() => Date, { nullable: true, description: 'Null when there is no commitment.' })
  dueAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'First response from support, if any.' })
  respondedAt!: Date | null;
}
