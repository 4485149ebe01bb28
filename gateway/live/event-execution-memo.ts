import type { ExecutionResult } from 'graphql';

// One federated execution per event for every subscription that would compute the same result:
// subscriptions with a replay cursor each have their own upstream subscription (their history
// differs), but once live, the same viewer's subscriptions with the same document receive the
// same events and resolve them identically. They share the execution (and so the rest fetches
// and the encoded frame) while it runs and for `keepMs` after, which covers subscriptions whose
// upstream delivered the same event a little later.

export interface EventExecutionMemo {
  /** `run`'s result, or the one already under way or just finished for the same key. */
  execute(key: string, run: () => Promise<ExecutionResult>): Promise<ExecutionResult>;
}

export function createEventExecutionMemo(keepMs: number): EventExecutionMemo {
  const results = new Map<string, Promise<ExecutionResult>>();
  return {
    execute(key, run) {
      const known = results.get(key);
      if (known) return known;
      const result = run();
      results.set(key, result);
      const forget = () => setTimeout(() => results.delete(key), keepMs).unref();
      // A failed execution is not kept: the next subscription retries it.
      result.then(forget, () => results.delete(key));
      return result;
    },
  };
}
