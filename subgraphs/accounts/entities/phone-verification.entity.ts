import { Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { ChallengeStatus } from '../domain/phone-verification';
import { Organization } from './organization.entity';
import { User } from './user.entity';

/** A phone PIN challenge started by a support engineer for a caller. The code is never stored. */
@Entity({ tableName: 'phone_verification' })
@Index({ properties: ['organization', 'createdAt'] })
export class PhoneVerification {
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @ManyToOne(() => Organization)
  organization!: Organization;

  @ManyToOne(() => User)
  engineer!: User;

  /** The number the caller rang from, E.164. */
  @Property({ type: 'string', length: 32 })
  callerPhone!: string;

  @Property({ type: 'string', length: 64 })
  codeHash!: string;

  /** Masked destination, as shown to the engineer. */
  @Property({ type: 'string', length: 320 })
  sentTo!: string;

  @Enum({ items: ['PENDING', 'VERIFIED', 'FAILED'], type: 'string' })
  status: ChallengeStatus & Opt = 'PENDING';

  @Property({ type: 'integer', default: 0 })
  failedAttempts: number & Opt = 0;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  verifiedAt?: Date | null;
}
