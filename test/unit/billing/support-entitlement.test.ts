import { describe, expect, it } from 'vitest';
import { PlanFamily } from '../../../lib/domain/enums';
import {
  PlanKind,
  PurchaseChannel,
  SubscriptionStatus,
  SupportedBy,
} from '../../../subgraphs/billing/domain/enums';
import {
  type EntitledSubscription,
  supportEntitlement,
} from '../../../subgraphs/billing/domain/support-entitlement';

const { ACTIVE, TRIAL, EXPIRED, CANCELED } = SubscriptionStatus;
const { BUSINESS, ENTERPRISE, FRONTLINE } = PlanFamily;

const direct = (
  family: PlanFamily,
  status = ACTIVE,
  kind = PlanKind.BASE,
): EntitledSubscription => ({
  status,
  channel: PurchaseChannel.DIRECT,
  partnerId: null,
  plan: { kind, family },
});
const viaPartner = (family: PlanFamily, partnerId: string, status = ACTIVE) => ({
  ...direct(family, status),
  channel: PurchaseChannel.PARTNER,
  partnerId,
});
const standalone = (status = ACTIVE) => direct(BUSINESS, status, PlanKind.STANDALONE);
const elevated = (status = ACTIVE) => direct(ENTERPRISE, status, PlanKind.ELEVATED_SUPPORT);

const provider = (planFamily: PlanFamily | null, isElevated = false) => ({
  planFamily,
  elevated: isElevated,
  supportedBy: SupportedBy.PROVIDER,
  partnerId: null,
});
const partner = (planFamily: PlanFamily, partnerId: string) => ({
  planFamily,
  elevated: false,
  supportedBy: SupportedBy.PARTNER,
  partnerId,
});

describe('supportEntitlement', () => {
  it.each<[string, EntitledSubscription[], ReturnType<typeof supportEntitlement>]>([
    ['nothing bought: pre-sales only', [], provider(null)],
    [
      'only ended subscriptions: pre-sales only',
      [direct(ENTERPRISE, EXPIRED), direct(BUSINESS, CANCELED)],
      provider(null),
    ],
    [
      'Contoso: business paid and business trial',
      [direct(BUSINESS), direct(BUSINESS, TRIAL)],
      provider(BUSINESS),
    ],
    ['a trial alone counts', [direct(ENTERPRISE, TRIAL)], provider(ENTERPRISE)],
    ['enterprise outranks business', [direct(BUSINESS), direct(ENTERPRISE)], provider(ENTERPRISE)],
    [
      'enterprise outranks frontline',
      [direct(FRONTLINE), direct(ENTERPRISE)],
      provider(ENTERPRISE),
    ],
    ['frontline outranks business', [direct(BUSINESS), direct(FRONTLINE)], provider(FRONTLINE)],
    [
      'an expired enterprise plan does not count',
      [direct(BUSINESS), direct(ENTERPRISE, EXPIRED)],
      provider(BUSINESS),
    ],
    [
      'a paid standalone plan counts as enterprise',
      [direct(BUSINESS), standalone()],
      provider(ENTERPRISE),
    ],
    [
      'Contoso: a standalone trial beside a paid business plan lifts nothing',
      [direct(BUSINESS), direct(BUSINESS, TRIAL), standalone(TRIAL)],
      provider(BUSINESS),
    ],
    ['a standalone trial alone gets the business level', [standalone(TRIAL)], provider(BUSINESS)],
    ['an expired standalone plan counts for nothing', [standalone(EXPIRED)], provider(null)],
    [
      'Fabrikam: enterprise with an active add-on',
      [direct(ENTERPRISE), elevated()],
      provider(ENTERPRISE, true),
    ],
    [
      'an add-on in trial elevates',
      [direct(ENTERPRISE), elevated(TRIAL)],
      provider(ENTERPRISE, true),
    ],
    ['a canceled add-on does not', [direct(ENTERPRISE), elevated(CANCELED)], provider(ENTERPRISE)],
    ['an add-on grants no family', [elevated()], provider(null, true)],
    [
      'Tailspin: everything through Litware',
      [viaPartner(BUSINESS, 'partner-litware')],
      partner(BUSINESS, 'partner-litware'),
    ],
    [
      'one direct purchase keeps the provider',
      [viaPartner(ENTERPRISE, 'partner-litware'), direct(BUSINESS, TRIAL)],
      provider(ENTERPRISE),
    ],
    [
      'an ended direct purchase does not',
      [viaPartner(BUSINESS, 'partner-litware'), direct(ENTERPRISE, EXPIRED)],
      partner(BUSINESS, 'partner-litware'),
    ],
    [
      'several partners: the best plan decides',
      [viaPartner(BUSINESS, 'partner-a'), viaPartner(ENTERPRISE, 'partner-z')],
      partner(ENTERPRISE, 'partner-z'),
    ],
    [
      'several partners, same rank: first id',
      [viaPartner(BUSINESS, 'partner-z'), viaPartner(BUSINESS, 'partner-a')],
      partner(BUSINESS, 'partner-a'),
    ],
    [
      'a partner purchase without partner stays with the provider',
      [{ ...viaPartner(BUSINESS, 'x'), partnerId: null }],
      provider(BUSINESS),
    ],
  ])('%s', (_name, subscriptions, expected) => {
    expect(supportEntitlement(subscriptions)).toEqual(expected);
  });
});
