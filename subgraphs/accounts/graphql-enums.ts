import { registerEnumType } from 'type-graphql';
import { DelegationStatus } from './entities/delegation.entity';
import { ContactKind } from './entities/registered-contact.entity';

// Registered once per process, like lib/graphql/enums.ts and each subgraph's graphql-enums.ts;
// schema.ts imports this file before it builds the schema.
registerEnumType(DelegationStatus, { name: 'DelegationStatus' });
registerEnumType(ContactKind, { name: 'ContactKind' });

export { ContactKind, DelegationStatus };
