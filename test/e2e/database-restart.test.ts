import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cloud } from '../../lib/graphql/enums';
import { CaseEvent } from '../../subgraphs/cases/entities/case-event.entity';
import { SupportCase } from '../../subgraphs/cases/entities/support-case.entity';
import { caseInput, codes } from '../support/cases';
import { DAN } from '../support/demo-users';
import { type OwnPostgres, startOwnPostgres } from '../support/own-postgres';
import { type GraphQLResponse, type Stack, startStack } from '../support/stack';

// PostgreSQL crashes (immediate stop) under a stream of openCase mutations, each writing a case,
// its number counter and its OPENED event, then comes back. Nothing restarts but the database.
// A mutation that committed just before the crash may still lose its answer: the reads after it
// (the organization and the opener, at accounts) meet the crash. The client is then told
// SERVICE_UNAVAILABLE at those fields, and the case is whole; sending the same idempotency key
// again returns it.

const WORKERS = 4;

interface Attempt {
  title: string;
  response: GraphQLResponse;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `done`, for at most `ms` (then the assertions after it say what went wrong). */
async function waitFor(done: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await pause(20);
}

describe('PostgreSQL restart under writes', () => {
  let pg: OwnPostgres;
  let stack: Stack;
  beforeAll(async () => {
    pg = await startOwnPostgres();
    // One user fires everything: the per-viewer rate limit is not what this test is about.
    stack = await startStack('postgresql', {
      databaseUrl: pg.url,
      gatewayEnv: { RATE_LIMIT_PER_VIEWER: '1000000', RATE_LIMIT_PER_IP: '1000000' },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await pg?.destroy();
  });

  const run = randomBytes(3).toString('hex');
  let serial = 0;
  const send = (title: string) =>
    stack.contract(
      'OpenCase',
      { input: caseInput('org-fabrikam', { title, idempotencyKey: title }) },
      DAN,
    );
  const attempt = async (): Promise<Attempt> => {
    const title = `restart-${run}-${++serial}`;
    return { title, response: await send(title) };
  };
  /** Only the reads after the commit failed: every error sits under one of openCase's fields. */
  const answerLost = ({ errors = [] }: GraphQLResponse) =>
    errors.length > 0 && errors.every((e) => e.path?.[0] === 'openCase' && e.path.length > 1);

  it('answers every mutation either done (all its rows) or SERVICE_UNAVAILABLE (none), and recovers by itself', async () => {
    const attempts: Attempt[] = [];
    let firing = true;
    const workers = Array.from({ length: WORKERS }, async () => {
      while (firing) {
        const done = await attempt();
        attempts.push(done);
        if (!done.response.data?.openCase) await pause(25); // no busy loop while it is down
      }
    });
    const succeeded = () => attempts.filter((a) => a.response.data?.openCase).length;
    await waitFor(() => succeeded() >= WORKERS);
    expect(codes(attempts[0].response)).toEqual([]);

    await pg.stop('immediate');
    const beforeRestart = attempts.length;
    await waitFor(() => attempts.length >= beforeRestart + WORKERS); // answered while down
    await pg.start();
    const afterRestart = succeeded();
    await waitFor(() => succeeded() >= afterRestart + WORKERS);
    firing = false;
    await Promise.all(workers);

    const failed = attempts.filter((a) => !a.response.data?.openCase);
    expect(failed.length).toBeGreaterThan(0);
    expect(succeeded()).toBeGreaterThanOrEqual(afterRestart + WORKERS);
    for (const { response } of failed) {
      const expected = answerLost(response) ? response.errors!.length : 1;
      expect(codes(response)).toEqual(Array(expected).fill('SERVICE_UNAVAILABLE'));
      expect(JSON.stringify(response)).not.toMatch(/stack|\bat .*\.ts|ECONN|terminated/i);
    }
    const em = stack.subgraphs.cases.orm.em.fork();
    for (const { title, response } of attempts) {
      const stored = await em.find(SupportCase, { title });
      if (!response.data?.openCase && !answerLost(response)) {
        expect(stored, title).toHaveLength(0);
        continue;
      }
      let opened = response.data?.openCase;
      if (!opened) {
        // Committed, answer lost: the same key again answers with that case, and opens nothing.
        const again = await send(title);
        expect(again.errors, title).toBeUndefined();
        expect(await em.count(SupportCase, { title }), title).toBe(1);
        opened = again.data?.openCase;
      }
      expect(stored.map((c) => c.id)).toEqual([opened.id]);
      const events = await em.find(CaseEvent, { caseId: stored[0].id });
      expect(events.map((e) => e.kind)).toContain('OPENED');
    }
    // A rolled-back opening gave its number back: the cloud's numbers have no gap.
    const numbers = (await em.find(SupportCase, { cloud: Cloud.GLOBAL }, { fields: ['number'] }))
      .map((c) => Number(c.number.slice(3)))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0] + i));
  }, 90_000);
});
