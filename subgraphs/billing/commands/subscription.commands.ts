import { randomUUID } from 'node:crypto';
import { type EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { assertCanChangeSale, sellingPartnerFor } from '../../../lib/access/policy';
import { recordAudit } from '../../../lib/audit/record-audit';
import {
  InvalidTransitionError,
  NotFoundError,
  UnauthenticatedError,
} from '../../../lib/errors/domain-errors';
import type { Viewer } from '../../../lib/viewer/viewer';
import { PurchaseChannel } from '../domain/enums';
import * as lifecycle from '../domain/subscription-lifecycle';
import * as opening from '../domain/subscription-opening';
import { LicenseChange, LicenseChangeReason } from '../entities/license-change.entity';
import { Plan } from '../entities/plan.entity';
import { PlanSubscription } from '../entities/plan-subscription.entity';
import type { OrganizationDirectory } from '../peers/organization-directory';
import { auditSnapshot, stateOf } from './subscription-state';

// The billing mutations: each loads what it needs, asks the access policy, applies a lifecycle
// rule and stores the result with its licence history and audit entry, all in one transaction,
// so a refused or failed mutation leaves the database as it was.

export interface CommandContext {
  em: EntityManager;
  viewer: Viewer;
  now: Date;
  organizations: OrganizationDirectory;
}

const MANAGE = 'billing:manage';

function addLicenseChange(
  em: EntityManager,
  s: PlanSubscription,
  step: lifecycle.BillingStep,
  reason: LicenseChangeReason,
  now: Date,
): void {
  em.create(LicenseChange, {
    id: `lic-${randomUUID()}`,
    subscription: s,
    organizationId: s.organizationId,
    effectiveAt: step.from,
    licenses: step.licenses,
    reason,
    recordedAt: now,
  });
}

/**
 * The plan, row-locked for the transaction: purchases and trials of one plan run one at a time,
 * so "not bought twice" is checked against what the others committed. Purchases are rare; the
 * wait is a few milliseconds.
 */
async function lockPlan(em: EntityManager, planId: string): Promise<Plan> {
  const plan = await em.findOne(Plan, planId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!plan) throw new NotFoundError('Plan', planId);
  return plan;
}

/** Starts a trial or buys a plan for an organization; the viewer's partner sells it, if any. */
async function open(
  ctx: CommandContext,
  organizationId: string,
  planId: string,
  create: (
    plan: Plan,
    cloud: Plan['cloud'],
    samePlan: lifecycle.SubscriptionState[],
  ) => { subscription: lifecycle.NewSubscription; billing?: lifecycle.BillingStep },
  action: string,
): Promise<PlanSubscription> {
  const partnerId = sellingPartnerFor(ctx.viewer, organizationId);
  // The cloud only matters to support engineers, who never change billing: refuse before asking
  // accounts anything.
  assertCanChangeSale(ctx.viewer, MANAGE, { id: organizationId, cloud: null }, { partnerId });
  const cloud = await ctx.organizations.cloudOf(organizationId);
  try {
    return await ctx.em.transactional(async (tx) => {
      const plan = await lockPlan(tx, planId);
      const existing = await tx.find(PlanSubscription, { organizationId, plan: planId });
      const { subscription, billing } = create(
        plan,
        cloud,
        existing.map((s) => stateOf(s, plan.name)),
      );
      const created = tx.create(PlanSubscription, {
        ...subscription,
        id: `sub-${randomUUID()}`,
        organizationId,
        cloud,
        plan,
        channel: partnerId ? PurchaseChannel.PARTNER : PurchaseChannel.DIRECT,
        partnerId,
        trialOf: subscription.startedAsTrial ? plan.id : null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      if (billing) addLicenseChange(tx, created, billing, LicenseChangeReason.PURCHASED, ctx.now);
      recordAudit(
        tx,
        ctx.viewer,
        { organizationId, action, target: created.id, after: auditSnapshot(created) },
        ctx.now,
      );
      return created;
    });
  } catch (error) {
    // Two trials of one plan started at the same moment: the unique constraint keeps one.
    if (error instanceof UniqueConstraintViolationException) {
      throw new InvalidTransitionError(
        'The organization already had a trial of this plan; there is one trial per plan. Buy the plan with purchaseSubscription.',
      );
    }
    throw error;
  }
}

export function startTrial(ctx: CommandContext, organizationId: string, planId: string) {
  return open(
    ctx,
    organizationId,
    planId,
    (plan, cloud, samePlan) => ({
      subscription: opening.startTrial(plan, cloud, samePlan, ctx.now),
    }),
    'subscription.trialStarted',
  );
}

export function purchaseSubscription(
  ctx: CommandContext,
  organizationId: string,
  planId: string,
  licenses: number,
) {
  lifecycle.assertLicenseCount(licenses);
  return open(
    ctx,
    organizationId,
    planId,
    (plan, cloud, samePlan) => opening.purchase(plan, cloud, licenses, samePlan, ctx.now),
    'subscription.purchased',
  );
}

/** Stores a transition's changes with their licence history and audit entry. */
export function applyTransition(
  em: EntityManager,
  viewer: Viewer,
  subscription: PlanSubscription,
  result: lifecycle.Transition,
  audit: { action: string; reason: LicenseChangeReason; now: Date },
): void {
  const before = auditSnapshot(subscription);
  const { id: _id, planName: _name, startedAsTrial: _trial, ...changes } = result.changes;
  em.assign(subscription, { ...changes, updatedAt: audit.now });
  if (result.billing) {
    addLicenseChange(em, subscription, result.billing, audit.reason, audit.now);
  }
  recordAudit(
    em,
    viewer,
    {
      organizationId: subscription.organizationId,
      action: audit.action,
      target: subscription.id,
      before,
      after: auditSnapshot(subscription),
    },
    audit.now,
  );
}

/** Loads a subscription row-locked for the transaction: concurrent changes run one at a time. */
export async function lockSubscription(
  em: EntityManager,
  subscriptionId: string,
): Promise<PlanSubscription | null> {
  return em.findOne(PlanSubscription, subscriptionId, {
    populate: ['plan'],
    lockMode: LockMode.PESSIMISTIC_WRITE,
  });
}

/** Applies one lifecycle transition to an existing subscription the viewer may change. */
function change(
  ctx: CommandContext,
  subscriptionId: string,
  action: string,
  reason: LicenseChangeReason,
  transition: (state: lifecycle.SubscriptionState, now: Date) => lifecycle.Transition | null,
): Promise<PlanSubscription> {
  // Anonymous callers learn nothing, not even whether the subscription exists.
  if (ctx.viewer.kind === 'anonymous') throw new UnauthenticatedError();
  return ctx.em.transactional(async (tx) => {
    const subscription = await lockSubscription(tx, subscriptionId);
    if (!subscription) throw new NotFoundError('Subscription', subscriptionId);
    assertCanChangeSale(
      ctx.viewer,
      MANAGE,
      { id: subscription.organizationId, cloud: subscription.cloud },
      subscription,
    );
    // The clock is read once the row is locked, and never before the last change: a change that
    // waited for another one is dated after it, so the licence history (and so the invoices) and
    // the audit log follow the order in which changes were applied.
    const now = new Date(
      Math.max(ctx.now.getTime(), Date.now(), subscription.updatedAt.getTime() + 1),
    );
    const result = transition(stateOf(subscription, subscription.plan.name), now);
    if (result) applyTransition(tx, ctx.viewer, subscription, result, { action, reason, now });
    return subscription;
  });
}

export const convertTrial = (ctx: CommandContext, subscriptionId: string, licenses: number) =>
  change(
    ctx,
    subscriptionId,
    'subscription.trialConverted',
    LicenseChangeReason.CONVERTED,
    (s, now) => lifecycle.convertTrial(s, licenses, now),
  );

export const changeLicenses = (ctx: CommandContext, subscriptionId: string, licenses: number) =>
  change(
    ctx,
    subscriptionId,
    'subscription.licensesChanged',
    LicenseChangeReason.CHANGED,
    (s, now) => lifecycle.changeLicenses(s, licenses, now),
  );

export const renewSubscription = (ctx: CommandContext, subscriptionId: string) =>
  change(ctx, subscriptionId, 'subscription.renewed', LicenseChangeReason.RENEWED, (s, now) =>
    lifecycle.renew(s, now),
  );

export const cancelSubscription = (ctx: CommandContext, subscriptionId: string) =>
  change(ctx, subscriptionId, 'subscription.canceled', LicenseChangeReason.CANCELED, (s, now) =>
    lifecycle.cancel(s, now),
  );

export const setAutoRenew = (ctx: CommandContext, subscriptionId: string, autoRenew: boolean) =>
  change(
    ctx,
    subscriptionId,
    'subscription.autoRenewChanged',
    LicenseChangeReason.CHANGED,
    (s, now) => lifecycle.setAutoRenew(s, autoRenew, now),
  );
