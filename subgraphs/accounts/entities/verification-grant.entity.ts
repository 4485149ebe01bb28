import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Organization } from './organization.entity';
import { User } from './user.entity';

/** Time-limited access to an organization, earned by a support engineer through a verified call. */
@Entity({ tableName: 'verification_grant' })
@Index({ properties: ['engineer', 'expiresAt'] })
export class VerificationGrant {
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @ManyToOne(() => Organization)
  organization!: Organization;

  @ManyToOne(() => User)
  engineer!: User;

  /** REGISTERED_NUMBER (the caller rang from a registered phone) or CODE (read back a PIN). */
  @Property({ type: 'string', length: 32 })
  via!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  expiresAt!: Date;
}
