import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { Cloud } from '../../../lib/graphql/enums';
import { IssueClassification, ServiceHealthStatus } from '../graphql-enums';

@InputType({ description: 'A new incident or advisory on one service of a cloud.' })
export class PostServiceIssueInput {
  @Field(() => Cloud)
  cloud!: Cloud;

  @Field(() => String, {
    description: "A service of that cloud's dashboard, e.g. Exchange Online.",
  })
  service!: string;

  @Field(() => String)
  title!: string;

  @Field(() => IssueClassification)
  classification!: IssueClassification;

  @Field(() => ServiceHealthStatus, { description: 'An ongoing status, e.g. INVESTIGATING.' })
  status!: ServiceHealthStatus;

  @Field(() => String, { description: 'The first post: what is known and what to do meanwhile.' })
  message!: string;
}

@ArgsType()
export class UpdateServiceIssueArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => ServiceHealthStatus)
  status!: ServiceHealthStatus;

  @Field(() => String, { description: 'The new post: what changed.' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'A corrected title, if any.' })
  title?: string | null;
}
