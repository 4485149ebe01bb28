import { PlanFamily } from '../../../lib/domain/enums';
import { PlanKind, PurchaseChannel, SubscriptionStatus, SupportedBy } from './enums';

// Which support an organization gets from what it bought (domain.md, "Subscriptions and
// billing"). Pure: the resolver loads the subscriptions with their plans and hands them over.

export interface EntitledSubscription {
  status: SubscriptionStatus;
  channel: PurchaseChannel;
  partnerId?: string | null;
  plan: { kind: PlanKind; family: PlanFamily };
}

export interface Entitlement {
  /** Null when nothing is on trial or active: pre-sales support only. */
  planFamily: PlanFamily | null;
  elevated: boolean;
  supportedBy: SupportedBy;
  partnerId: string | null;
}

// Enterprise and Frontline share their targets; Enterprise ranks first so that an organization
// holding both is labelled by its broader plan. Business has the slowest targets.
const FAMILY_RANK: Record<PlanFamily, number> = {
  [PlanFamily.ENTERPRISE]: 3,
  [PlanFamily.FRONTLINE]: 2,
  [PlanFamily.BUSINESS]: 1,
};

/** 21Vianet and global support alike count trials as well as paid subscriptions. */
export const isLive = (s: Pick<EntitledSubscription, 'status'>): boolean =>
  s.status === SubscriptionStatus.ACTIVE || s.status === SubscriptionStatus.TRIAL;

/**
 * The family a subscription grants; add-ons elevate support but grant no family of their own.
 * Only a *paid* standalone plan gets the enterprise level (001, "Support for standalone plans");
 * a standalone trial still counts as something bought, at the business level (ours), so it lifts
 * nothing (issue 12.3).
 */
export function familyOf(s: Pick<EntitledSubscription, 'status' | 'plan'>): PlanFamily | null {
  switch (s.plan.kind) {
    case PlanKind.STANDALONE:
      return s.status === SubscriptionStatus.ACTIVE ? PlanFamily.ENTERPRISE : PlanFamily.BUSINESS;
    case PlanKind.ELEVATED_SUPPORT:
      return null;
    default:
      return s.plan.family;
  }
}

const rankOf = (s: EntitledSubscription): number => {
  const family = familyOf(s);
  return family ? FAMILY_RANK[family] : 0;
};

export function supportEntitlement(subscriptions: readonly EntitledSubscription[]): Entitlement {
  const live = subscriptions.filter(isLive);
  const best = live.reduce<EntitledSubscription | null>(
    (top, s) => (rankOf(s) > (top ? rankOf(top) : 0) ? s : top),
    null,
  );
  const elevated = live.some((s) => s.plan.kind === PlanKind.ELEVATED_SUPPORT);
  // A partner purchase with no recorded partner cannot route support anywhere but the provider.
  const throughPartner =
    live.length > 0 && live.every((s) => s.channel === PurchaseChannel.PARTNER && s.partnerId);
  return {
    planFamily: best ? familyOf(best) : null,
    elevated,
    supportedBy: throughPartner ? SupportedBy.PARTNER : SupportedBy.PROVIDER,
    partnerId: throughPartner ? supportingPartner(live) : null,
  };
}

/**
 * With several partners, the one selling the best-ranked plan supports the organization; ties go
 * to the alphabetically first partner id so the answer never depends on row order.
 */
function supportingPartner(live: EntitledSubscription[]): string {
  const [first] = [...live].sort(
    (a, b) => rankOf(b) - rankOf(a) || (a.partnerId ?? '').localeCompare(b.partnerId ?? ''),
  );
  return first!.partnerId!;
}
