import { Directive, Field, ObjectType } from 'type-graphql';
import { SupportCase } from '../entities/support-case.entity';

// Relay-style connection of cases, newest first.

// Shareable: every subgraph that pages a list may declare the same PageInfo.
@Directive('@shareable')
@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType()
export class CaseEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => SupportCase)
  node!: SupportCase;
}

@ObjectType()
export class CaseConnection {
  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [CaseEdge])
  edges!: CaseEdge[];

  /** What totalCount counts; resolved lazily so a page alone costs no count query. */
  organizationId!: string;
  open!: boolean;
}
