import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../../../lib/errors/domain-errors';
import type { PeerError, ServiceClient } from '../../../lib/federation/service-client';
import { createPeerLoaders } from '../../../subgraphs/cases/peers/peer-loaders';

// What cases makes of its peers' answers: one `_entities` query per batch, unknown organizations
// as null, anything else failing loudly.

function fakePeer(answer: (ids: string[]) => { data: unknown; errors: PeerError[] }) {
  const calls: string[][] = [];
  const client: ServiceClient = {
    query: () => Promise.reject(new Error('not used')),
    queryPartial: async <T>(_query: string, variables: Record<string, unknown> = {}) => {
      const ids = (variables.representations as { id: string }[]).map((r) => r.id);
      calls.push(ids);
      return answer(ids) as { data: T; errors: PeerError[] };
    },
  };
  return { client, calls };
}

const organization = (id: string) => ({
  id,
  name: id,
  cloud: 'GLOBAL',
  timeZone: 'Europe/Berlin',
  advancedSupportAgreement: false,
});

describe('peer loaders', () => {
  it('asks accounts once for every organization a request needs', async () => {
    const accounts = fakePeer((ids) => ({
      data: { _entities: ids.map(organization) },
      errors: [],
    }));
    const billing = fakePeer(() => ({ data: { _entities: [] }, errors: [] }));
    const loaders = createPeerLoaders({ accounts: accounts.client, billing: billing.client });
    const found = await Promise.all([
      loaders.organization.load('org-a'),
      loaders.organization.load('org-b'),
      loaders.organization.load('org-a'),
    ]);
    expect(found.map((o) => o?.id)).toEqual(['org-a', 'org-b', 'org-a']);
    expect(accounts.calls).toEqual([['org-a', 'org-b']]);
  });

  it('reads an organization accounts does not know as null', async () => {
    const accounts = fakePeer(() => ({
      data: { _entities: [organization('org-a'), null] },
      errors: [{ message: 'nope', path: ['_entities', 1], extensions: { code: 'NOT_FOUND' } }],
    }));
    const loaders = createPeerLoaders({ accounts: accounts.client, billing: accounts.client });
    const [a, b] = await Promise.all([
      loaders.organization.load('org-a'),
      loaders.organization.load('org-gone'),
    ]);
    expect(a?.id).toBe('org-a');
    expect(b).toBeNull();
  });

  it('fails rather than guess when billing cannot say what an organization bought', async () => {
    const billing = fakePeer(() => ({
      data: { _entities: [{ supportEntitlement: null }] },
      errors: [{ message: 'boom', path: ['_entities', 0, 'supportEntitlement'], extensions: {} }],
    }));
    const loaders = createPeerLoaders({ accounts: billing.client, billing: billing.client });
    await expect(loaders.entitlement.load('org-a')).rejects.toBeInstanceOf(UpstreamError);
  });
});
