import { randomUUID } from 'node:crypto';
import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { assertCan } from '../../../lib/access/policy';
import { BadUserInputError } from '../../../lib/errors/domain-errors';
import type { Viewer } from '../../../lib/viewer/viewer';
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
import type { OrganizationFacts } from '../peers/peer-loaders';
import type { OpenCaseInput } from '../types/open-case.input';
import { type Actor, CaseEventRecorder } from './case-event-recorder';
import { actorOf } from './case-mutation';
import { type OpenCaseFields, validateOpenCase } from './open-case-fields';
import { openingSeverity } from './opening-severity';
import { advanceSequence } from './sequence';

const findByKey = (em: EntityManager, organizationId: string, idempotencyKey: string) =>
  em.findOne(SupportCase, { organizationId, idempotencyKey }, { refresh: true });

/** Everything decided before the transaction: what the new case row and its OPENED event hold. */
interface CaseOpening {
  organization: OrganizationFacts;
  input: OpenCaseInput;
  fields: OpenCaseFields;
  assigned: ReturnType<typeof openingSeverity>;
  onBehalfOf: string | null;
  incidentId: string | null;
  actor: Actor;
  now: Date;
}

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
  assertMayOpen(ctx.viewer, organization, input.category);
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
  const issues = await ctx.loaders.issuesByCloud.load(organization.cloud);
  const incident = relatedIncident(input.category, fields.topic, issues);
  const opening: CaseOpening = {
    organization,
    input,
    fields,
    assigned,
    onBehalfOf,
    incidentId: incident?.id ?? null,
    actor,
    now: ctx.now,
  };
  try {
    let written: CaseEvent[] = [];
    const opened = await ctx.em.fork().transactional(async (em) => {
      const kase = await insertCase(em, opening);
      written = await recordOpened(em, kase, opening);
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

function assertMayOpen(viewer: Viewer, organization: OrganizationFacts, category: CaseCategory) {
  const scope = { id: organization.id, cloud: organization.cloud };
  assertCan(viewer, 'cases:open', scope);
  if (category === CaseCategory.BILLING_AND_SUBSCRIPTION) {
    assertCan(viewer, 'cases:openBilling', scope);
  }
}

/** Numbers the case in its cloud's sequence and stores it, clock started. */
async function insertCase(em: EntityManager, opening: CaseOpening): Promise<SupportCase> {
  const { organization, input, fields, assigned, now } = opening;
  const { target } = assigned;
  const sequence = await advanceSequence(em, caseNumberSequence(organization.cloud));
  return em.create(SupportCase, {
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
    openedById: opening.actor.id,
    onBehalfOfPartnerId: opening.onBehalfOf,
    contactPhone: fields.phone,
    contactEmail: fields.email,
    contactMethod: input.contact.preferredMethod,
    idempotencyKey: fields.idempotencyKey,
    relatedIncidentId: opening.incidentId,
    createdAt: now,
  });
}

function recordOpened(em: EntityManager, kase: SupportCase, opening: CaseOpening) {
  const events = new CaseEventRecorder(kase, opening.actor, opening.now);
  events.add(CaseEventKind.OPENED, null, {
    number: kase.number,
    category: kase.category,
    severity: kase.severity,
    requestedSeverity: kase.requestedSeverity,
    severitySource: kase.severitySource,
    status: kase.status,
    dueAt: kase.dueAt ?? null,
    onBehalfOf: opening.onBehalfOf,
    relatedIncident: kase.relatedIncidentId ?? null,
  });
  return events.write(em);
}
