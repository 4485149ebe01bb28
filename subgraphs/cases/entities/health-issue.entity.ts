import { Entity, Enum, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Cloud } from '../../../lib/graphql/enums';
import { IssueClassification, ServiceHealthStatus } from '../graphql-enums';

/** An incident or advisory on one service of one cloud, current or past. */
@ObjectType('ServiceHealthIssue')
@Entity({ tableName: 'health_issue' })
@Index({ properties: ['cloud', 'startedAt'] })
export class HealthIssue {
  @Field(() => ID, { description: 'As Microsoft publishes it, e.g. EX1047823.' })
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @Field(() => Cloud)
  @Enum({ items: () => Cloud, type: 'string' })
  cloud!: Cloud;

  @Field(() => String, { description: 'The affected service, as the dashboard names it.' })
  @Property({ type: 'string', length: 120 })
  service!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  title!: string;

  @Field(() => IssueClassification)
  @Enum({ items: () => IssueClassification, type: 'string' })
  classification!: IssueClassification;

  @Field(() => ServiceHealthStatus)
  @Enum({ items: () => ServiceHealthStatus, type: 'string' })
  status!: ServiceHealthStatus;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Null while the issue is ongoing.' })
  @Property({ type: 'datetime', nullable: true })
  endedAt?: Date | null;

  @Property({ type: 'datetime' })
  updatedAt: Date & Opt = new Date();
}
