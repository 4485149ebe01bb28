import type { ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createEventExecutionMemo } from '../../../../gateway/live/event-execution-memo';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('event execution memo', () => {
  it('runs one execution for every subscription asking for the same event meanwhile', async () => {
    const memo = createEventExecutionMemo(60_000);
    let runs = 0;
    const run = async (): Promise<ExecutionResult> => {
      runs++;
      await settle(5);
      return { data: { n: runs } };
    };
    const first = memo.execute('viewer|doc|event-1', run);
    const second = memo.execute('viewer|doc|event-1', run);
    expect(await first).toBe(await second);
    expect(await memo.execute('viewer|doc|event-1', run)).toBe(await first);
    await memo.execute('viewer|doc|event-2', run);
    expect(runs).toBe(2);
  });

  it('runs again once the kept result expired, and after a failure', async () => {
    const memo = createEventExecutionMemo(10);
    let runs = 0;
    const fail = () => Promise.reject(new Error(`failed ${++runs}`));
    await expect(memo.execute('k', fail)).rejects.toThrow('failed 1');
    await expect(memo.execute('k', fail)).rejects.toThrow('failed 2');
    const ok = () => Promise.resolve({ data: { run: ++runs } });
    expect(await memo.execute('k', ok)).toEqual({ data: { run: 3 } });
    await settle(100);
    expect(await memo.execute('k', ok)).toEqual({ data: { run: 4 } });
  });
});
