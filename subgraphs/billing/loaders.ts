import type { EntityManager } from '@mikro-orm/core';
import { loaderById, loaderGroupedBy } from '../../lib/orm/loaders';
import { Plan } from './entities/plan.entity';
import { PlanSubscription } from './entities/plan-subscription.entity';

export function createBillingLoaders(em: EntityManager) {
  return {
    planById: loaderById(em, Plan),
    subscriptionsByOrganizationId: loaderGroupedBy(
      em,
      PlanSubscription,
      'organizationId',
      (s) => s.organizationId,
      { createdAt: 'asc', id: 'asc' },
    ),
  };
}

export type BillingLoaders = ReturnType<typeof createBillingLoaders>;
