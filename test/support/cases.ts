import type { MikroORM } from '@mikro-orm/core';
import { CaseEvent } from '../../subgraphs/cases/entities/case-event.entity';
import type { GraphQLResponse, Stack } from './stack';

// Helpers for the cases scenarios: a valid OpenCaseInput to vary, and what a user sees of a
// refusal (its code).

export function caseInput(
  organizationId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    organizationId,
    category: 'TECHNICAL',
    topic: 'Mailbox permissions',
    title: 'Manager cannot open a shared mailbox',
    description: 'Full access was granted an hour ago; Outlook still says access denied.',
    severity: 'B',
    contact: { phone: '+1 425 555 0100', email: 'it@example.com', preferredMethod: 'EMAIL' },
    ...overrides,
  };
}

/** The error codes of a response, in order. */
export const codes = (response: GraphQLResponse): unknown[] =>
  (response.errors ?? []).map((e) => e.extensions?.code);

export async function openCase(
  stack: Stack,
  email: string,
  organizationId: string,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const response = await stack.contract(
    'OpenCase',
    { input: caseInput(organizationId, overrides) },
    email,
  );
  if (response.errors) throw new Error(`OpenCase failed: ${JSON.stringify(response.errors)}`);
  return response.data!.openCase;
}

/** The case's events as stored, oldest first. */
export function eventsOf(orm: MikroORM, caseId: string): Promise<CaseEvent[]> {
  return orm.em.fork().find(CaseEvent, { caseId }, { orderBy: { id: 'asc' } });
}
