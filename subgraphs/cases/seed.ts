import type { EntityManager } from '@mikro-orm/core';
import { DEMO_ORGANIZATIONS, DEMO_USERS } from '../../lib/demo/demo-tenants';
import { Cloud } from '../../lib/domain/enums';
import { ServiceHealthStatus } from './domain/case-enums';
import { HealthIssue } from './entities/health-issue.entity';
import { HealthService } from './entities/health-service.entity';
import { OrganizationProfile } from './entities/organization-profile.entity';
import { SupportCase } from './entities/support-case.entity';
import { DEMO_CASES, type DemoCase } from './seed/demo-cases';
import { DEMO_ISSUES, DEMO_SERVICES } from './seed/demo-service-health';
import { demoDueAt } from './seed/demo-targets';

const HOUR = 3_600_000;
const NUMBER_PREFIX: Record<Cloud, string> = { [Cloud.GLOBAL]: 'GL', [Cloud.CHINA_21VIANET]: 'CN' };

const hoursBefore = (now: Date, hours: number) => new Date(now.getTime() - hours * HOUR);

/** The opener must be an admin of the organization, or an agent of the partner acting for it. */
function opener(c: DemoCase) {
  const user = DEMO_USERS.find((u) => u.id === c.openedById);
  const valid = c.onBehalfOfPartnerId
    ? user?.partnerId === c.onBehalfOfPartnerId
    : user?.organizationId === c.organizationId && user.roles.length > 0;
  if (!user || !valid) throw new Error(`demo case ${c.id}: ${c.openedById} may not open it`);
  return user;
}

/** Seeds the demo tenants' cases and service health; a database with profiles is left alone. */
export async function seedCases(em: EntityManager, now = new Date()): Promise<boolean> {
  if ((await em.count(OrganizationProfile)) > 0) return false;
  await em.transactional(async (tx) => {
    const profiles = new Map<string, OrganizationProfile>();
    for (const o of DEMO_ORGANIZATIONS) {
      const profile = tx.create(OrganizationProfile, {
        id: o.id,
        cloud: o.cloud,
        timeZone: o.timeZone,
        advancedSupportAgreement: o.advancedSupportAgreement,
        updatedAt: now,
      });
      profiles.set(o.id, profile);
    }
    // Numbers run per cloud in the order the cases were opened.
    const sequence: Record<Cloud, number> = { [Cloud.GLOBAL]: 0, [Cloud.CHINA_21VIANET]: 0 };
    const oldestFirst = [...DEMO_CASES].sort((a, b) => b.openedHoursAgo - a.openedHoursAgo);
    for (const c of oldestFirst) {
      const profile = profiles.get(c.organizationId)!;
      const organization = DEMO_ORGANIZATIONS.find((o) => o.id === c.organizationId)!;
      const openedAt = hoursBefore(now, c.openedHoursAgo);
      sequence[profile.cloud] += 1;
      tx.create(SupportCase, {
        id: c.id,
        number: `${NUMBER_PREFIX[profile.cloud]}-${String(sequence[profile.cloud]).padStart(6, '0')}`,
        organizationId: c.organizationId,
        cloud: profile.cloud,
        category: c.category,
        topic: c.topic,
        title: c.title,
        description: c.description,
        severity: c.severity,
        status: c.status,
        openedAt,
        closedAt: c.closedHoursAgo === undefined ? null : hoursBefore(now, c.closedHoursAgo),
        escalated: c.escalated ?? false,
        dueAt: demoDueAt(profile, c.category, c.severity, openedAt),
        respondedAt:
          c.respondedAfterMinutes === undefined
            ? null
            : new Date(openedAt.getTime() + c.respondedAfterMinutes * 60_000),
        openedById: opener(c).id,
        onBehalfOfPartnerId: c.onBehalfOfPartnerId ?? null,
        contactPhone: organization.phone,
        contactEmail: opener(c).email,
        contactMethod: c.contactMethod,
        createdAt: openedAt,
      });
    }
    for (const [cloud, names] of Object.entries(DEMO_SERVICES) as [Cloud, string[]][]) {
      for (const name of names) {
        const ongoing = DEMO_ISSUES.find(
          (i) => i.cloud === cloud && i.service === name && i.endedHoursAgo === undefined,
        );
        tx.create(HealthService, {
          id: `${cloud}-${name}`.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
          cloud,
          name,
          status: ongoing?.status ?? ServiceHealthStatus.SERVICE_OPERATIONAL,
          updatedAt: now,
        });
      }
    }
    for (const { startedHoursAgo, endedHoursAgo, ...issue } of DEMO_ISSUES) {
      tx.create(HealthIssue, {
        ...issue,
        startedAt: hoursBefore(now, startedHoursAgo),
        endedAt: endedHoursAgo === undefined ? null : hoursBefore(now, endedHoursAgo),
      });
    }
  });
  return true;
}
