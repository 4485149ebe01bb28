import { randomUUID } from 'node:crypto';
import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { assertCan } from '../../../lib/access/policy';
import { BadUserInputError } from '../../../lib/errors/domain-errors';
import type { CasesContext } from '../context';
import { CaseCategory, CaseEventKind } from '../domain/case-enums';
import { caseNumberSequence, formatCaseNumber } from '../domain/case-number';
import { relatedIncident } from '../domain/incident-match';
import { responseDueAt } from '../domain/response-target';
import { requiresBusinessImpact } from '../domain/severity-policy';
import type { CaseEvent } from '../entities/case-event.entity';
import { SupportCase } from '../entities/support-case.entity';
import {
  actingPartnerOf,
  loadOrganizationSupport,
  providerTarget,
} from '../peers/organization-support';
import type { OpenCaseInput } from '../types/open-case.input';
import { CaseEventRecorder } from './case-event-recorder';
import { actorOf } from './case-mutation';
import { validateOpenCase } from './open-case-fields';
import { openingSeverity } from './opening-severity';
import { advanceSequence } from './sequence';

const findByKey = (em: EntityManager, organizationId: string, idempotencyKey: string) =>
  em.findOne(SupportCase, { organizationId, idempotencyKey }, { refresh: true });

/**
 * Opens a service request: the viewer's right, the input, who supports the organization, the
 * severity rules and the response target, then one transaction that numbers the case, stores it
 * and logs OPENED. A retried submit with the same idempotency key returns the first case, also
 * when both raced into the database: the unique key decides and the loser reads the winner.
 */
export async function openCase(ctx: CasesContext, input: OpenCaseInput): Promise<SupportCase> {
  const actor = actorOf(ctx.viewer);
  const fields = validateOpenCase(input);
  const support = await loadOrganizationSupport(ctx, input.organizationId);
  const { organization } = support;
  const scope = { id: organization.id, cloud: organization.cloud };
  assertCan(ctx.viewer, 'cases:open', scope);
  if (input.category === CaseCategory.BILLING_AND_SUBSCRIPTION) {
    assertCan(ctx.viewer, 'cases:openBilling', scope);
  }
  const key = fields.idempotencyKey;
  if (key) {
    const existing = await findByKey(ctx.em, organization.id, key);
    if (existing) return existing;
  }
  const onBehalfOf = actingPartnerOf(ctx.viewer, organization.id);
  await providerTarget(ctx, support, input.category, input.severity);
  if (requiresBusinessImpact(organization.cloud, input.severity) && !fields.businessImpact) {
    throw new BadUserInputError(
      'Severity A on 21Vianet needs a business-impact statement: say what is affected and how.',
      'businessImpact',
    );
  }
  // What the customer asked for has passed the rules; support's assessment decides what is assigned.
  const assigned = openingSeverity(
    support,
    input.category,
    input.severity,
    input.impact,
    fields.businessImpact !== null,
  );
  const { target } = assigned;
  const issues = await ctx.loaders.issuesByCloud.load(organization.cloud);
  const incident = relatedIncident(input.category, fields.topic, issues);
  const now = ctx.now;

  try {
    let written: CaseEvent[] = [];
    const opened = await ctx.em.fork().transactional(async (em) => {
      const sequence = await advanceSequence(em, caseNumberSequence(organization.cloud));
      const kase = em.create(SupportCase, {
        id: `case-${randomUUID()}`,
        number: formatCaseNumber(organization.cloud, sequence),
        organizationId: organization.id,
        cloud: organization.cloud,
        category: input.category,
        topic: fields.topic,
        title: fields.title,
        description: fields.description,
        businessImpact: fields.businessImpact,
        ...assigned.columns,
        openedAt: now,
        responseTarget: target.target,
        responseCalendar: target.calendar,
        organizationTimeZone: organization.timeZone,
        cycleStartedAt: now,
        dueAt: responseDueAt(target, organization.timeZone, now),
        openedById: actor.id,
        onBehalfOfPartnerId: onBehalfOf,
        contactPhone: fields.phone,
        contactEmail: fields.email,
        contactMethod: input.contact.preferredMethod,
        idempotencyKey: key,
        relatedIncidentId: incident?.id ?? null,
        createdAt: now,
      });
      const events = new CaseEventRecorder(kase, actor, now);
      events.add(CaseEventKind.OPENED, null, {
        number: kase.number,
        category: kase.category,
        severity: kase.severity,
        requestedSeverity: kase.requestedSeverity,
        severitySource: kase.severitySource,
        status: kase.status,
        dueAt: kase.dueAt ?? null,
        onBehalfOf,
        relatedIncident: kase.relatedIncidentId ?? null,
      });
      written = await events.write(em);
      return kase;
    });
    // Committed: only now may live subscribers hear of it.
    ctx.caseEvents?.publish(written);
    return opened;
  } catch (error) {
    if (key && error instanceof UniqueConstraintViolationException) {
      const first = await findByKey(ctx.em.fork(), organization.id, key);
      if (first) return first;
    }
    throw error;
  }
}
