import { describe, expect, it } from 'vitest';
import { computeResponse, useFasterResultShaping } from '../../../gateway/result-shaping';

// Apart from result-shaping.test.ts, which needs the library's own computeResponse in place.
describe('useFasterResultShaping', () => {
  it('puts the gateway result shaping where executeQueryPlan calls it', () => {
    useFasterResultShaping();
    const shaping = require('@apollo/gateway/dist/resultShaping') as { computeResponse: unknown };
    expect(shaping.computeResponse).toBe(computeResponse);
  });
});
