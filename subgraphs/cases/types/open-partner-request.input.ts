import { Field, ID, InputType } from 'type-graphql';
import { PartnerRequestArea, Severity } from '../graphql-enums';
import { ContactInput } from './open-case.input';

@InputType({
  description:
    "A partner's own Partner Center request (technical, billing, customer or subscription " +
    'management), not one on behalf of a customer.',
})
export class OpenPartnerRequestInput {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => PartnerRequestArea)
  area!: PartnerRequestArea;

  @Field(() => String, { description: 'e.g. Partner Center customer list does not load.' })
  topic!: string;

  @Field(() => String, { description: '1 to 200 characters.' })
  title!: string;

  @Field(() => String, { description: '1 to 10000 characters.' })
  description!: string;

  @Field(() => Severity)
  severity!: Severity;

  @Field(() => String, { nullable: true, description: 'What the problem stops.' })
  businessImpact?: string | null;

  @Field(() => ContactInput)
  contact!: ContactInput;

  @Field(() => String, {
    nullable: true,
    description: 'Any unique string (a UUID): submitting again with it returns the same request.',
  })
  idempotencyKey?: string | null;
}
