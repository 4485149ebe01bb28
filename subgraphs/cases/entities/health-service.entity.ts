import { Entity, Enum, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Cloud } from '../../../lib/graphql/enums';

/**
 * One service on a cloud's service health dashboard. Its current status is not stored: it is
 * derived from its ongoing issues (domain/service-status.ts), so it can never disagree with them.
 */
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

  @Property({ type: 'datetime' })
  updatedAt: Date & Opt = new Date();
}
