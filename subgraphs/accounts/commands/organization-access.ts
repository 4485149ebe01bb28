import type { EntityManager } from '@mikro-orm/core';
import type { Action } from '../../../lib/access/permissions';
import { assertCan } from '../../../lib/access/policy';
import { NotFoundError } from '../../../lib/errors/domain-errors';
import { parseId } from '../../../lib/graphql/ids';
import type { Viewer } from '../../../lib/viewer/viewer';
import { Organization } from '../entities/organization.entity';

/** Loads an organization inside a unit of work and checks the viewer may do `action` on it. */
export async function organizationFor(
  em: EntityManager,
  viewer: Viewer,
  organizationId: string,
  action: Action,
): Promise<Organization> {
  const organization = await em.findOne(Organization, {
    id: parseId(organizationId, 'organizationId'),
  });
  if (!organization) throw new NotFoundError('Organization', organizationId);
  assertCan(viewer, action, organization);
  return organization;
}
