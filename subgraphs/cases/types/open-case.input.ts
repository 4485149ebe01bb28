import { Field, ID, InputType } from 'type-graphql';
import { CaseCategory, ContactMethod, Severity } from '../graphql-enums';
import { CaseImpactInput } from './case-impact.type';

@InputType({ description: 'How support reaches the person who opens the case.' })
export class ContactInput {
  @Field(() => String, {
    description: 'International form with country code, e.g. +1 425 555 0100.',
  })
  phone!: string;

  @Field(() => String)
  email!: string;

  @Field(() => ContactMethod)
  preferredMethod!: ContactMethod;
}

@InputType({ description: 'A new service request, as the admin centre submits it.' })
export class OpenCaseInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => CaseCategory)
  category!: CaseCategory;

  @Field(() => String, { description: 'e.g. Exchange Online mailbox migration.' })
  topic!: string;

  @Field(() => String, { description: '1 to 200 characters.' })
  title!: string;

  @Field(() => String, { description: '1 to 10000 characters.' })
  description!: string;

  @Field(() => Severity, {
    description:
      'The severity asked for. Support assigns it from the stated impact; with elevated support ' +
      'what is asked for is assigned. Kept as Case.requestedSeverity.',
  })
  severity!: Severity;

  @Field(() => CaseImpactInput, {
    nullable: true,
    description: 'Without it, the requested severity stands provisionally until support assesses.',
  })
  impact?: CaseImpactInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the problem stops; required for severity A on 21Vianet.',
  })
  businessImpact?: string | null;

  @Field(() => ContactInput)
  contact!: ContactInput;

  @Field(() => String, {
    nullable: true,
    description: 'Any unique string (a UUID): submitting again with it returns the same case.',
  })
  idempotencyKey?: string | null;
}
