import { describe, expect, it } from 'vitest';
import { Cloud } from '../../../lib/domain/enums';
import { DomainError } from '../../../lib/errors/domain-errors';
import { SubscriptionStatus } from '../../../subgraphs/billing/domain/enums';
import {
  CANCELLATION_WINDOW_DAYS,
  cancel,
  changeLicenses,
  convertTrial,
  effectiveStatus,
  MAX_LICENSES,
  renew,
  type SubscriptionState,
  setAutoRenew,
  settleEndedTerm,
  TRIAL_LICENSES,
} from '../../../subgraphs/billing/domain/subscription-lifecycle';
import {
  type PlanOffer,
  purchase,
  startTrial,
} from '../../../subgraphs/billing/domain/subscription-opening';

const { TRIAL, ACTIVE, EXPIRED, CANCELED } = SubscriptionStatus;
const NOW = new Date('2026-06-15T10:00:00Z');
const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

const E3: PlanOffer = {
  id: 'plan-global-e3',
  name: 'Office 365 E3',
  cloud: Cloud.GLOBAL,
  trialAvailable: true,
};
const PREMIER: PlanOffer = {
  ...E3,
  id: 'plan-global-premier',
  name: 'Premier support',
  trialAvailable: false,
};

const trial = (overrides: Partial<SubscriptionState> = {}): SubscriptionState => ({
  id: 'sub-trial',
  planName: 'Office 365 E3',
  status: TRIAL,
  startedAsTrial: true,
  paidSince: null,
  licenses: 25,
  assignedLicenses: 4,
  termStart: day('2026-06-01'),
  termEnd: day('2026-07-01'),
  autoRenew: false,
  cancellationAllowedUntil: null,
  ...overrides,
});

const paid = (overrides: Partial<SubscriptionState> = {}): SubscriptionState => ({
  ...trial(),
  id: 'sub-paid',
  status: ACTIVE,
  startedAsTrial: false,
  paidSince: day('2026-06-12'),
  licenses: 25,
  assignedLicenses: 18,
  termStart: day('2026-06-12'),
  termEnd: day('2027-06-12'),
  autoRenew: true,
  cancellationAllowedUntil: day('2026-06-19'),
  ...overrides,
});

/** The code of the domain error thrown, or 'ok' when nothing was thrown. */
function outcome(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('effectiveStatus', () => {
  it.each<[string, SubscriptionState, SubscriptionStatus]>([
    ['a running trial', trial(), TRIAL],
    ['a trial at its very end', trial({ termEnd: NOW }), EXPIRED],
    ['a trial past its end', trial({ termEnd: day('2026-06-14') }), EXPIRED],
    ['a running paid term', paid(), ACTIVE],
    ['a paid term past its end, auto-renewing', paid({ termEnd: day('2026-06-01') }), ACTIVE],
    [
      'a paid term past its end, not renewing',
      paid({ termEnd: day('2026-06-01'), autoRenew: false }),
      EXPIRED,
    ],
    ['a canceled one', paid({ status: CANCELED }), CANCELED],
  ])('%s', (_name, s, expected) => {
    expect(effectiveStatus(s, NOW)).toBe(expected);
  });
});

describe('transitions, from every state', () => {
  const states: Record<string, SubscriptionState> = {
    trial: trial(),
    'expired trial': trial({ termEnd: day('2026-06-10') }),
    active: paid(),
    'lapsed paid': paid({ termEnd: day('2026-06-10'), autoRenew: false }),
    'stored EXPIRED paid': paid({ status: EXPIRED, termEnd: day('2026-06-10'), autoRenew: false }),
    canceled: paid({ status: CANCELED, autoRenew: false }),
  };
  const transitions: Record<string, (s: SubscriptionState) => unknown> = {
    convertTrial: (s) => convertTrial(s, 30, NOW),
    changeLicenses: (s) => changeLicenses(s, 30, NOW),
    renew: (s) => renew(s, NOW),
    cancel: (s) => cancel(s, NOW),
    setAutoRenew: (s) => setAutoRenew(s, false, NOW),
  };
  // Expected outcome per state, in the column order of `transitions`.
  const table: [string, string[]][] = [
    [
      'trial',
      [
        'ok',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
      ],
    ],
    [
      'expired trial',
      [
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
      ],
    ],
    ['active', ['INVALID_TRANSITION', 'ok', 'ok', 'ok', 'ok']],
    [
      'lapsed paid',
      [
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'ok',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
      ],
    ],
    [
      'stored EXPIRED paid',
      [
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'ok',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
      ],
    ],
    [
      'canceled',
      [
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
        'INVALID_TRANSITION',
      ],
    ],
  ];
  it.each(table)('%s', (state, expected) => {
    const actual = Object.values(transitions).map((run) => outcome(() => run(states[state]!)));
    expect(Object.fromEntries(Object.keys(transitions).map((k, i) => [k, actual[i]]))).toEqual(
      Object.fromEntries(Object.keys(transitions).map((k, i) => [k, expected[i]])),
    );
  });

  it('says why and what to do instead', () => {
    expect(messageOf(() => cancel(trial(), NOW))).toMatch(
      /is a trial.*ends by itself on 2026-07-01/,
    );
    expect(messageOf(() => convertTrial(paid(), 30, NOW))).toMatch(/already paid.*changeLicenses/);
    expect(messageOf(() => changeLicenses(states.canceled!, 30, NOW))).toMatch(
      /was canceled.*purchaseSubscription/,
    );
    expect(messageOf(() => convertTrial(states['expired trial']!, 30, NOW))).toMatch(
      /trial .* ended on 2026-06-10.*purchaseSubscription/,
    );
    expect(messageOf(() => changeLicenses(trial(), 30, NOW))).toMatch(
      /fixed 25 licences.*convertTrial/,
    );
  });
});

describe('startTrial', () => {
  it('opens a 30-day trial with 25 licences and no auto-renewal', () => {
    expect(startTrial(E3, Cloud.GLOBAL, [], NOW)).toEqual({
      status: TRIAL,
      startedAsTrial: true,
      paidSince: null,
      licenses: TRIAL_LICENSES,
      assignedLicenses: 0,
      termStart: NOW,
      termEnd: new Date('2026-07-15T10:00:00Z'),
      autoRenew: false,
      cancellationAllowedUntil: null,
    });
  });

  it.each<[string, PlanOffer, Cloud, SubscriptionState[], string]>([
    ['a plan without trial', PREMIER, Cloud.GLOBAL, [], 'BAD_USER_INPUT'],
    ['a plan of the other cloud', E3, Cloud.CHINA_21VIANET, [], 'BAD_USER_INPUT'],
    ['a second trial while the first runs', E3, Cloud.GLOBAL, [trial()], 'INVALID_TRANSITION'],
    [
      'a trial again after it expired',
      E3,
      Cloud.GLOBAL,
      [trial({ termEnd: day('2026-06-10') })],
      'INVALID_TRANSITION',
    ],
    [
      'a trial again after converting it',
      E3,
      Cloud.GLOBAL,
      [paid({ startedAsTrial: true })],
      'INVALID_TRANSITION',
    ],
    ['a trial of a plan already bought', E3, Cloud.GLOBAL, [paid()], 'INVALID_TRANSITION'],
    [
      'a trial of a plan once bought and canceled',
      E3,
      Cloud.GLOBAL,
      [paid({ status: CANCELED })],
      'ok',
    ],
  ])('%s: %s', (_name, plan, cloud, samePlan, expected) => {
    expect(outcome(() => startTrial(plan, cloud, samePlan, NOW))).toBe(expected);
  });
});

describe('purchase', () => {
  it('opens an annual paid term with auto-renewal, billed from now', () => {
    const { subscription, billing } = purchase(PREMIER, Cloud.GLOBAL, 40, [], NOW);
    expect(subscription).toMatchObject({
      status: ACTIVE,
      paidSince: NOW,
      licenses: 40,
      termStart: NOW,
      termEnd: new Date('2027-06-15T10:00:00Z'),
      autoRenew: true,
      cancellationAllowedUntil: new Date('2026-06-22T10:00:00Z'),
    });
    expect(billing).toEqual({ licenses: 40, from: NOW });
  });

  it.each<[string, number, SubscriptionState[], string]>([
    ['zero licences', 0, [], 'BAD_USER_INPUT'],
    ['negative licences', -5, [], 'BAD_USER_INPUT'],
    ['absurdly many licences', MAX_LICENSES + 1, [], 'BAD_USER_INPUT'],
    ['the maximum', MAX_LICENSES, [], 'ok'],
    ['while a trial of it runs', 10, [trial()], 'INVALID_TRANSITION'],
    ['while it is already bought', 10, [paid()], 'INVALID_TRANSITION'],
    ['after its trial expired', 10, [trial({ termEnd: day('2026-06-10') })], 'ok'],
  ])('%s', (_name, licenses, samePlan, expected) => {
    expect(outcome(() => purchase(E3, Cloud.GLOBAL, licenses, samePlan, NOW))).toBe(expected);
  });
});

describe('convertTrial', () => {
  it('keeps the subscription, starts a paid annual term now and bills the licences', () => {
    expect(convertTrial(trial(), 30, NOW)).toEqual({
      changes: {
        status: ACTIVE,
        paidSince: NOW,
        licenses: 30,
        termStart: NOW,
        termEnd: new Date('2027-06-15T10:00:00Z'),
        autoRenew: true,
        cancellationAllowedUntil: new Date('2026-06-22T10:00:00Z'),
      },
      billing: { licenses: 30, from: NOW },
    });
  });

  it('refuses fewer licences than assigned, naming both numbers', () => {
    expect(outcome(() => convertTrial(trial({ assignedLicenses: 12 }), 10, NOW))).toBe(
      'BAD_USER_INPUT',
    );
    expect(messageOf(() => convertTrial(trial({ assignedLicenses: 12 }), 10, NOW))).toMatch(
      /12 licences assigned.*down to 10/,
    );
  });
});

describe('changeLicenses', () => {
  it.each<[string, number, string]>([
    ['more licences', 40, 'ok'],
    ['down to the assigned ones', 18, 'ok'],
    ['below the assigned ones', 17, 'BAD_USER_INPUT'],
    ['zero', 0, 'BAD_USER_INPUT'],
    ['not a whole number', 2.5, 'BAD_USER_INPUT'],
  ])('%s (%i)', (_name, licenses, expected) => {
    expect(outcome(() => changeLicenses(paid(), licenses, NOW))).toBe(expected);
  });

  it('names both numbers when refusing to go below the assigned licences', () => {
    expect(messageOf(() => changeLicenses(paid(), 10, NOW))).toBe(
      'Office 365 E3 has 18 licences assigned to users, so it cannot go down to 10: choose at ' +
        'least 18, or unassign 8 licences first.',
    );
  });

  it('bills the new count from now, and changes nothing for the same count', () => {
    expect(changeLicenses(paid(), 40, NOW)).toEqual({
      changes: { licenses: 40 },
      billing: { licenses: 40, from: NOW },
    });
    expect(changeLicenses(paid(), 25, NOW)).toBeNull();
  });
});

describe('renew', () => {
  it('extends a running term by a year and reopens the cancellation window', () => {
    expect(renew(paid(), NOW)).toEqual({
      changes: {
        termEnd: new Date('2028-06-12T10:00:00Z'),
        cancellationAllowedUntil: new Date('2026-06-22T10:00:00Z'),
      },
    });
  });

  it('does not extend a term already renewed a whole year ahead', () => {
    const renewed = paid({ termEnd: day('2028-06-12') });
    expect(messageOf(() => renew(renewed, NOW))).toMatch(
      /already renewed until 2028-06-12; it can be renewed again from 2027-06-12/,
    );
  });

  it('restarts a lapsed paid subscription for a new term, billed again', () => {
    const lapsed = paid({ termEnd: day('2026-06-10'), autoRenew: false });
    expect(renew(lapsed, NOW)).toEqual({
      changes: {
        status: ACTIVE,
        termStart: NOW,
        termEnd: new Date('2027-06-15T10:00:00Z'),
        cancellationAllowedUntil: new Date('2026-06-22T10:00:00Z'),
      },
      billing: { licenses: 25, from: NOW },
    });
  });
});

describe('cancel', () => {
  it('ends a paid subscription within the window and stops billing now', () => {
    expect(cancel(paid(), NOW)).toEqual({
      changes: { status: CANCELED, autoRenew: false, termEnd: NOW },
      billing: { licenses: 0, from: NOW },
    });
  });

  it.each<[string, Date, string]>([
    ['on the last moment of the window', day('2026-06-19'), 'ok'],
    ['one second after the window', new Date('2026-06-19T10:00:01Z'), 'INVALID_TRANSITION'],
  ])('%s', (_name, now, expected) => {
    expect(outcome(() => cancel(paid(), now))).toBe(expected);
  });

  it(`says the window is ${CANCELLATION_WINDOW_DAYS} days and what to do instead`, () => {
    expect(messageOf(() => cancel(paid(), day('2026-07-01')))).toMatch(
      /closed on 2026-06-19 \(7 days after purchase or renewal\).*until its term ends on 2027-06-12.*setAutoRenew/,
    );
  });
});

describe('settleEndedTerm (the billing cycle)', () => {
  it.each<[string, SubscriptionState, ReturnType<typeof settleEndedTerm>]>([
    ['a running trial: nothing', trial(), null],
    [
      'an ended trial expires, nothing was billed',
      trial({ termEnd: day('2026-06-10') }),
      { changes: { status: EXPIRED }, billing: undefined },
    ],
    [
      'an ended paid term without auto-renewal expires; billing stops at its end',
      paid({ termEnd: day('2026-06-10'), autoRenew: false }),
      { changes: { status: EXPIRED }, billing: { licenses: 0, from: day('2026-06-10') } },
    ],
    [
      'an ended auto-renewing term rolls over from its end',
      paid({ termEnd: day('2026-06-10') }),
      {
        changes: {
          termStart: day('2026-06-10'),
          termEnd: day('2027-06-10'),
          cancellationAllowedUntil: day('2026-06-17'),
        },
      },
    ],
    [
      'a term missed for years rolls over to the running one',
      paid({ termEnd: day('2024-06-10') }),
      {
        changes: {
          termStart: day('2026-06-10'),
          termEnd: day('2027-06-10'),
          cancellationAllowedUntil: day('2026-06-17'),
        },
      },
    ],
    [
      'an already expired one: nothing',
      paid({ status: EXPIRED, termEnd: day('2026-06-10'), autoRenew: false }),
      null,
    ],
    [
      'a canceled one: nothing',
      paid({ status: CANCELED, termEnd: day('2026-06-10'), autoRenew: false }),
      null,
    ],
  ])('%s', (_name, s, expected) => {
    expect(settleEndedTerm(s, NOW)).toEqual(expected);
  });
});
