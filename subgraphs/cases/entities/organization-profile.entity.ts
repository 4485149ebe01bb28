import { Entity, Enum, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Cloud } from '../../../lib/graphql/enums';

/**
 * The cases subgraph's local copy of what it needs about an organization: its cloud (support
 * engineers' access is per cloud), and later its time zone and agreement for the response
 * calendars. accounts owns the organization; this copy is seeded from the demo tenants here and
 * is to be fed by events from accounts later. The id is the organization's id.
 */
@Entity({ tableName: 'organization_profile' })
export class OrganizationProfile {
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @Enum({ items: () => Cloud, type: 'string' })
  cloud!: Cloud;

  /** IANA time zone, for LOCAL_BUSINESS_WEEK calendars. */
  @Property({ type: 'string', length: 64 })
  timeZone!: string;

  /** 21Vianet advanced online service agreement: allows severity A. */
  @Property({ type: 'boolean', default: false })
  advancedSupportAgreement: boolean & Opt = false;

  @Property({ type: 'datetime' })
  updatedAt: Date & Opt = new Date();
}
