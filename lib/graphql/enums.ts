import { registerEnumType } from 'type-graphql';
import { AdminRole, Cloud, PlanFamily } from '../domain/enums';

// Registered once per process; every subgraph that exposes these enums imports this module.
registerEnumType(Cloud, {
  name: 'Cloud',
  description: 'The Microsoft 365 cloud a tenant lives in: global, or operated by 21Vianet.',
});
registerEnumType(AdminRole, { name: 'AdminRole', description: 'Microsoft 365 admin roles.' });
registerEnumType(PlanFamily, {
  name: 'PlanFamily',
  description:
    'Plan family deciding the support level. Paid standalone plans count as ENTERPRISE, a standalone trial as BUSINESS.',
});

export { AdminRole, Cloud, PlanFamily };
