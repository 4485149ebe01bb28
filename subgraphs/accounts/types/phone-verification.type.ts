import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How a caller is to be verified.' })
export class PhoneVerificationStart {
  @Field(() => Boolean, {
    description: 'False when the caller rang from a registered number: access is granted at once.',
  })
  required!: boolean;

  @Field(() => ID, { nullable: true, description: 'Confirm the code against this challenge.' })
  challengeId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the code went, masked (i***@northwind.example).',
  })
  sentTo!: string | null;

  @Field(() => Date, { nullable: true, description: 'Set when no code was needed.' })
  grantExpiresAt!: Date | null;
}

@ObjectType({ description: 'The outcome of reading back a code.' })
export class PhoneVerificationResult {
  @Field(() => Boolean)
  verified!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'Until when the engineer may act on the account.',
  })
  grantExpiresAt!: Date | null;

  @Field(() => Int, { description: 'Wrong codes still allowed before the challenge closes.' })
  attemptsLeft!: number;
}
