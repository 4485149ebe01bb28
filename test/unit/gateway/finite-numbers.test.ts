import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { finiteNumbersRule } from '../../../gateway/security/finite-numbers';

const schema = buildSchema('scalar DateTime\ntype Query { at(when: DateTime, n: Float): Int }');
const errors = (query: string) =>
  validate(schema, parse(query), [finiteNumbersRule]).map((e) => [e.message, e.extensions.code]);

describe('finite number literals', () => {
  it('refuses a literal that overflows to Infinity, as bad input', () => {
    expect(errors('{ at(when: 1e999) }')).toEqual([
      ['The number 1e999 is out of range.', 'BAD_USER_INPUT'],
    ]);
    expect(errors('{ at(n: -1e400) }')).toHaveLength(1);
  });

  it('lets ordinary numbers through', () => {
    expect(errors('{ at(n: 1.5e10) }')).toEqual([]);
    expect(errors('{ at(n: 42) }')).toEqual([]);
  });
});
