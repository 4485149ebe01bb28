import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { AdminRole } from '../../../lib/domain/enums';
import { Organization } from './organization.entity';
import { User } from './user.entity';

@Entity({ tableName: 'role_assignment' })
@Unique({ properties: ['user', 'organization', 'role'] })
export class RoleAssignment {
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  organization!: Organization;

  @Enum({ items: () => AdminRole, type: 'string' })
  role!: AdminRole;

  @Property({ type: 'datetime' })
  assignedAt: Date = new Date();
}
