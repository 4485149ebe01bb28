import { BadUserInputError } from '../errors/domain-errors';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;

/** Ids are short slugs (`org-contoso`, `case-3f2a...`); anything else is refused up front. */
export function parseId(value: string, argument: string): string {
  if (!ID_PATTERN.test(value)) {
    throw new BadUserInputError(
      `"${value.slice(0, 40)}" is not a valid id for ${argument}: use letters, digits, - and _ (at most 80).`,
      argument,
    );
  }
  return value;
}
