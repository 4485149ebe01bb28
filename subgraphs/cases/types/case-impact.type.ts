import { Field, InputType, ObjectType } from 'type-graphql';
import { ServiceState, UsersAffected } from '../graphql-enums';

// The customer's answers that the severity table (001) rates: who is affected, what the problem
// does to the service, and whether there is a way around it.

@InputType({
  description:
    "The impact as the customer states it; support assesses the severity from it (001's table).",
})
export class CaseImpactInput {
  @Field(() => UsersAffected)
  usersAffected!: UsersAffected;

  @Field(() => ServiceState)
  serviceState!: ServiceState;

  @Field(() => Boolean, { description: 'An acceptable workaround exists for now.' })
  workaroundExists!: boolean;
}

@ObjectType({ description: 'The impact the customer stated when opening the case.' })
export class CaseImpact {
  @Field(() => UsersAffected)
  usersAffected!: UsersAffected;

  @Field(() => ServiceState)
  serviceState!: ServiceState;

  @Field(() => Boolean)
  workaroundExists!: boolean;
}
