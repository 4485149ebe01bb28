import { Entity, Enum, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Cloud } from '../../../lib/graphql/enums';
import { ServiceHealthStatus } from '../graphql-enums';

/** One service on a cloud's service health dashboard, with its current overall status. */
@Entity({ tableName: 'health_service' })
@Unique({ properties: ['cloud', 'name'] })
export class HealthService {
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @Enum({ items: () => Cloud, type: 'string' })
  cloud!: Cloud;

  /** As Microsoft names it: Exchange Online, Microsoft Teams, ... */
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Enum({ items: () => ServiceHealthStatus, type: 'string' })
  status: ServiceHealthStatus & Opt = ServiceHealthStatus.SERVICE_OPERATIONAL;

  @Property({ type: 'datetime' })
  updatedAt: Date & Opt = new Date();
}
