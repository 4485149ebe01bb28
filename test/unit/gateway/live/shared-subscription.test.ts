import type { ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { SignedViewer } from '../../../../gateway/auth/viewer-directory';
import { createClientQueue } from '../../../../gateway/live/client-queue';
import { createSharedSubscription } from '../../../../gateway/live/shared-subscription';
import type { Viewer } from '../../../../lib/viewer/viewer';
import { ALICE_VIEWER as alice } from '../../../support/demo-users';

// A shared subscription executes an event with the viewer its last refresh gave while the fresh
// one is looked up, and delivers that result only when the fresh viewer has the same facts.

const signed = (viewer: Viewer, token: string): SignedViewer => ({ viewer, token });
const event = (n: number) => ({ data: { caseEvents: { cursor: `c${n}` } } });
const settle = () => new Promise((r) => setTimeout(r, 10));

function subscription() {
  let emit: (e: ReturnType<typeof event>) => void = () => {};
  let lookup: (v: SignedViewer) => void = () => {};
  const executedWith: string[] = [];
  const shared = createSharedSubscription({
    opened: signed(alice, 't0'),
    refresh: () => new Promise((resolve) => (lookup = resolve)),
    open: (sinks) => {
      emit = sinks.next;
      return () => {};
    },
    execute: async (e, s) => {
      executedWith.push(s.token);
      return {
        data: {
          cursor: (e.data as { caseEvents: { cursor: string } }).caseEvents.cursor,
          token: s.token,
        },
      };
    },
    reuseMs: 60_000,
    failure: () => [],
    onEmpty: () => {},
    onDelivered: () => {},
  });
  const queue = createClientQueue({ limit: 10, onOverflow: () => {}, onClose: () => {} });
  shared.join(queue);
  const received = async (): Promise<ExecutionResult | undefined> => (await queue.next()).value;
  return {
    emit: (n: number) => emit(event(n)),
    lookup: (v: SignedViewer) => lookup(v),
    executedWith,
    received,
  };
}

/**
 * A subscription whose first event was delivered with alice's lookup (as token t1) and whose
 * second event is executing while the next lookup is still out.
 */
async function secondEventInFlight() {
  const s = subscription();
  s.emit(1);
  await settle();
  s.lookup(signed(alice, 't1'));
  const first = await s.received();
  s.emit(2);
  await settle();
  return { s, first };
}

describe('a shared subscription', () => {
  it('executes with the last viewer during the lookup when the facts stay the same', async () => {
    const { s, first } = await secondEventInFlight();
    expect(first).toEqual({ data: { cursor: 'c1', token: 't1' } });
    expect(s.executedWith).toEqual(['t1', 't1']);
    s.lookup(signed(alice, 't2'));
    expect(await s.received()).toEqual({ data: { cursor: 'c2', token: 't1' } });
    expect(s.executedWith).toEqual(['t1', 't1']);
  });

  it('executes again with the fresh viewer when its facts changed', async () => {
    const { s } = await secondEventInFlight();
    const granted = {
      ...alice,
      verificationGrants: [{ organizationId: 'org-contoso', expiresAt: '2099-01-01T00:00:00Z' }],
    };
    s.lookup(signed(granted, 't2'));
    expect(await s.received()).toEqual({ data: { cursor: 'c2', token: 't2' } });
    expect(s.executedWith).toEqual(['t1', 't1', 't2']);
  });

  it('ends with FORBIDDEN, delivering nothing executed early, when access changed', async () => {
    const { s } = await secondEventInFlight();
    s.lookup(signed({ ...alice, roles: [] }, 't2'));
    const last = await s.received();
    expect(last?.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });
});
