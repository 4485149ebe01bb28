import type { EntityManager, EntityMetadata } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { selectedFieldNames } from '../../../lib/graphql/selected-fields';
import { SupportCase } from '../entities/support-case.entity';

// A case list reads only the columns its selected fields need: a 50-customer partner dashboard
// asks for 7 of the 44 columns of 2,500 cases, and turning SQLite rows into objects costs per
// column (a third of the cases subgraph's CPU there). Fields that are columns need their own;
// field resolvers are listed below with what they read. A field not known here (a new resolver)
// reads every column, so forgetting an entry costs speed, never a wrong answer; listing too few
// columns for a resolver is what test/e2e/case-list-columns.test.ts catches.

type Column = keyof SupportCase;

/** Always read: the cursor and the grouping by organization. */
const KEY_COLUMNS: Column[] = ['id', 'organizationId', 'openedAt'];

const RESOLVER_COLUMNS: Record<string, Column[]> = {
  __typename: [],
  reopenableUntil: ['status', 'closedAt'],
  responseClock: ['dueAt', 'respondedAt', 'closeReason'],
  severityAssessed: ['severitySource'],
  impact: ['impactUsersAffected', 'impactServiceState', 'impactWorkaroundExists'],
  contact: ['contactPhone', 'contactEmail', 'contactMethod'],
  notes: [],
  severityHistory: [],
  survey: ['status', 'reopenCount'],
  relatedIncident: ['relatedIncidentId'],
  organization: ['partnerRequestArea'],
  requestingPartner: ['partnerRequestArea'],
  openedBy: ['openedById'],
  onBehalfOf: ['onBehalfOfPartnerId'],
  escalationJudgement: [
    'escalated',
    'onBehalfOfPartnerId',
    'escalationAppropriate',
    'escalationJudgementReason',
    'escalationJudgedAt',
    'escalationJudgedById',
  ],
};

/**
 * SQL column names for the selected Case fields, sorted (part of the page's cache key); null when
 * a field is not known here: read them all.
 */
export function caseColumns(
  fields: Iterable<string>,
  meta: EntityMetadata<SupportCase>,
): string[] | null {
  const properties = new Set<Column>(KEY_COLUMNS);
  for (const field of fields) {
    const needs = RESOLVER_COLUMNS[field] ?? (field in meta.properties ? [field as Column] : null);
    if (!needs) return null;
    for (const property of needs) properties.add(property);
  }
  return [...properties].flatMap((p) => meta.properties[p].fieldNames).sort();
}

/**
 * Per field of a parsed operation: graphql-js hands every parent in a list the same `fieldNodes`,
 * so a dashboard's 50 `cases` fields are worked out once. Column names come from the entity,
 * the same for every ORM.
 */
const columnsByField = new WeakMap<GraphQLResolveInfo['fieldNodes'], string[] | null>();

/** The columns a case list (a CaseConnection field) needs for what its client selected. */
export function caseListColumns(info: GraphQLResolveInfo, em: EntityManager): string[] | null {
  if (columnsByField.has(info.fieldNodes)) return columnsByField.get(info.fieldNodes)!;
  const meta = em.getMetadata().get<SupportCase>(SupportCase.name);
  const columns = caseColumns(selectedFieldNames(info, ['edges', 'node']), meta);
  columnsByField.set(info.fieldNodes, columns);
  return columns;
}
