import { Field, ObjectType } from 'type-graphql';
import { HealthIssue } from '../entities/health-issue.entity';
import { ServiceHealthStatus } from '../graphql-enums';

@ObjectType({ description: "One service on a cloud's service health dashboard." })
export class ServiceHealth {
  @Field(() => String, { description: 'e.g. Exchange Online.' })
  service!: string;

  @Field(() => ServiceHealthStatus)
  status!: ServiceHealthStatus;

  @Field(() => [HealthIssue], { description: 'Current and past incidents and advisories.' })
  issues!: HealthIssue[];
}
