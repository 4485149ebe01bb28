import { ArgsType, Field, InputType, Int } from 'type-graphql';

export const DEFAULT_PAGE_SIZE = 20;

@InputType()
export class CaseFilter {
  @Field(() => Boolean, {
    nullable: true,
    description: 'true keeps the cases that are not CLOSED.',
  })
  open?: boolean | null;
}

@ArgsType()
export class CasesArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: '1 to 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;

  @Field(() => CaseFilter, { nullable: true })
  filter?: CaseFilter | null;
}
