import { Field, ObjectType } from 'type-graphql';
import { ContactMethod } from '../graphql-enums';

@ObjectType('CaseContact', { description: 'How support reaches the customer about this case.' })
export class CaseContact {
  @Field(() => String)
  phone!: string;

  @Field(() => String)
  email!: string;

  @Field(() => ContactMethod)
  preferredMethod!: ContactMethod;
}
