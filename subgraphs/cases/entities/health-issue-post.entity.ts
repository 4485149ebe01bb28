import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { ServiceHealthStatus } from '../graphql-enums';

/** One update published on a service health issue, newest last. */
@ObjectType('ServiceHealthIssuePost')
@Entity({ tableName: 'health_issue_post' })
@Index({ properties: ['issueId', 'at'] })
export class HealthIssuePost {
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @Property({ type: 'string', length: 80 })
  issueId!: string;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  at!: Date;

  @Field(() => String)
  @Property({ type: 'text' })
  body!: string;

  @Field(() => ServiceHealthStatus, { description: 'The status the issue had with this post.' })
  @Enum({ items: () => ServiceHealthStatus, type: 'string' })
  status!: ServiceHealthStatus;

  @Property({ type: 'string', length: 80, nullable: true })
  authorId?: string | null;
}
