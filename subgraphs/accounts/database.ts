import { join } from 'node:path';
import { AuditEntry } from '../../lib/audit/audit-entry.entity';
import type { SubgraphConfig } from '../../lib/config/subgraph-config';
import type { OrmOptions } from '../../lib/orm/create-orm';
import { Delegation } from './entities/delegation.entity';
import { Organization } from './entities/organization.entity';
import { Partner } from './entities/partner.entity';
import { PhoneVerification } from './entities/phone-verification.entity';
import { RegisteredContact } from './entities/registered-contact.entity';
import { RoleAssignment } from './entities/role-assignment.entity';
import { User } from './entities/user.entity';
import { VerificationGrant } from './entities/verification-grant.entity';
import { accountsMigrations } from './migrations';

export const ACCOUNTS_ENTITIES = [
  Organization,
  RegisteredContact,
  Partner,
  User,
  RoleAssignment,
  Delegation,
  PhoneVerification,
  VerificationGrant,
  AuditEntry,
];

export function accountsOrmOptions(
  config: Pick<SubgraphConfig, 'databaseUrl' | 'databaseSchema'>,
): OrmOptions {
  return {
    databaseUrl: config.databaseUrl,
    schema: config.databaseSchema,
    entities: ACCOUNTS_ENTITIES,
    migrations: accountsMigrations,
    migrationsDir: join(__dirname, 'migrations'),
  };
}
