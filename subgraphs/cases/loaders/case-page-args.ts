import { BadUserInputError } from '../../../lib/errors/domain-errors';
import { type CaseCursor, decodeCaseCursor } from './case-cursor';

export const MAX_PAGE_SIZE = 100;

/** One organization's page request, validated: what the page loader is keyed by. */
export interface CasePageKey {
  organizationId: string;
  first: number;
  /** The cursor as the client sent it (part of the cache key) and decoded. */
  after: { raw: string; position: CaseCursor } | null;
  /** Keep only cases that are not CLOSED. */
  open: boolean;
  /** SQL columns to read (case-columns.ts); null reads them all. */
  columns: string[] | null;
}

export function casePageKey(
  organizationId: string,
  args: { first: number; after?: string | null; open?: boolean | null },
  columns: string[] | null = null,
): CasePageKey {
  const { first } = args;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(
      `first must be between 1 and ${MAX_PAGE_SIZE}; got ${first}. Page on with after.`,
      'first',
    );
  }
  const after = args.after ? { raw: args.after, position: decodeCaseCursor(args.after) } : null;
  return { organizationId, first, after, open: args.open === true, columns };
}

/** Keys that share this can be fetched in one statement. */
export const pageArgsKey = (key: Omit<CasePageKey, 'organizationId'>): string =>
  `${key.first}|${key.after?.raw ?? ''}|${key.open}|${key.columns?.join(',') ?? '*'}`;

export const casePageCacheKey = (key: CasePageKey): string =>
  `${key.organizationId}|${pageArgsKey(key)}`;
