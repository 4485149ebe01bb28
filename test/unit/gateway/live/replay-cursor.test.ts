import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { cursorOnlyVariables, replaysFromCursor } from '../../../../gateway/live/replay-cursor';

const BY_VARIABLE = parse('subscription($a: String) { caseEvents(after: $a) { cursor } }');

describe('replaysFromCursor', () => {
  it('is true for an after cursor given inline or through a set variable', () => {
    expect(replaysFromCursor(parse('subscription { caseEvents(after: "x") { cursor } }'), {})).toBe(
      true,
    );
    expect(replaysFromCursor(BY_VARIABLE, { a: 'x' })).toBe(true);
  });

  it('is false without a cursor: no argument, null, or an unset variable', () => {
    expect(replaysFromCursor(parse('subscription { caseEvents { cursor } }'), {})).toBe(false);
    expect(
      replaysFromCursor(parse('subscription { caseEvents(after: null) { cursor } }'), {}),
    ).toBe(false);
    expect(replaysFromCursor(BY_VARIABLE, {})).toBe(false);
    expect(replaysFromCursor(BY_VARIABLE, { a: null })).toBe(false);
  });
});

describe('cursorOnlyVariables', () => {
  it('names the variables used only as the after cursor', () => {
    expect([...cursorOnlyVariables(BY_VARIABLE)]).toEqual(['a']);
    const both = parse(
      'subscription($o: ID, $a: String) { caseEvents(organizationId: $o, after: $a) { cursor } }',
    );
    expect([...cursorOnlyVariables(both)]).toEqual(['a']);
  });

  it('keeps a variable that also decides something else', () => {
    const reused = parse(
      'subscription($a: String) { caseEvents(after: $a) { cursor note: kind @include(if: $a) } }',
    );
    expect([...cursorOnlyVariables(reused)]).toEqual([]);
  });
});
