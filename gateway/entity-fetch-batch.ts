import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import {
  type DocumentNode,
  type FieldNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  type VariableDefinitionNode,
  visit,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import type { PlanProgress } from './fetch-rendezvous';

// A query plan's Parallel node often sends two entity fetches to the same subgraph at the same
// moment: SupportPicture asks accounts for the partner of each subscription and for the partner
// of the support entitlement, CaseDetail asks accounts for the note authors and for the case's
// organization. Each is a whole HTTP request through the subgraph's pipeline. Fetches of one
// client request that leave in the same tick go out as one operation instead, each `_entities`
// under its own alias; the answer is cut back into the answers each fetch would have had.

export interface EntityFetch {
  query: string;
  operationName?: string;
  variables: Record<string, unknown>;
}

type Send = (body: string) => Promise<GatewayGraphQLResponse>;

interface Member {
  fetch: EntityFetch;
  resolve: (answer: GatewayGraphQLResponse) => void;
  reject: (error: unknown) => void;
}

/** One client request's pending fetches to one subgraph (same signed viewer, same request id). */
interface Pending {
  members: Member[];
  send: Send;
  progress: PlanProgress | undefined;
  /** A flush is queued for the end of this tick. */
  queued: boolean;
  /** Some members wait for a sibling branch: flushed again when a fetch of the request returns. */
  holding: boolean;
}

interface Merged {
  query: string;
  operationName: string;
  /** The alias under which each member's `_entities` is answered, in member order. */
  aliases: string[];
}

interface GraphQLErrorShape {
  path?: (string | number)[];
  [key: string]: unknown;
}

const REPRESENTATIONS = 'representations';
const ENTITIES = '_entities';
/** Planner-written entity fetches only; anything else is sent as it is. */
const ENTITY_QUERY = /^query\b[^{]*\(\$representations:\[_Any!\]!/;

const aliasOf = (index: number) => `_entities_${index}`;
const representationsOf = (index: number) => `representations_${index}`;

export const isEntityFetch = (fetch: EntityFetch): boolean =>
  ENTITY_QUERY.test(fetch.query) && Array.isArray(fetch.variables?.[REPRESENTATIONS]);

/** The operation and its lone `_entities` field, or null if the fetch has any other shape. */
function entityOperation(query: string): OperationDefinitionNode | null {
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true });
  } catch {
    // Never thrown for a planner's fetch; if it were, the fetch goes alone and fails there.
    return null;
  }
  if (document.definitions.length !== 1) return null;
  const [operation] = document.definitions;
  if (operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query') return null;
  const [field, ...others] = operation.selectionSet.selections;
  if (others.length > 0 || field.kind !== Kind.FIELD || field.name.value !== ENTITIES) return null;
  if (field.alias) return null;
  return operation;
}

/** The member's operation with `$representations` renamed to its own variable. */
const renamed = (operation: OperationDefinitionNode, index: number): OperationDefinitionNode =>
  visit(operation, {
    Variable: (node) =>
      node.name.value === REPRESENTATIONS
        ? { ...node, name: { kind: Kind.NAME, value: representationsOf(index) } }
        : undefined,
  });

const suffixOf = (name: string | undefined) => name?.split('__').pop() ?? '';

/** The merged operation, or null when the fetches cannot share one (then each goes alone). */
function merge(queries: string[], names: (string | undefined)[]): Merged | null {
  const operations = queries.map(entityOperation);
  if (operations.some((operation) => operation === null)) return null;
  const definitions = new Map<string, VariableDefinitionNode>();
  const fields: FieldNode[] = [];
  for (const [index, original] of (operations as OperationDefinitionNode[]).entries()) {
    const operation = renamed(original, index);
    for (const definition of operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      const known = definitions.get(name);
      if (known && print(known) !== print(definition)) return null;
      definitions.set(name, definition);
    }
    const field = operation.selectionSet.selections[0] as FieldNode;
    fields.push({ ...field, alias: { kind: Kind.NAME, value: aliasOf(index) } });
  }
  const operationName = [names[0] ?? 'entities', ...names.slice(1).map(suffixOf)].join('_');
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: 'query' as OperationDefinitionNode['operation'],
    name: { kind: Kind.NAME, value: operationName },
    variableDefinitions: [...definitions.values()],
    selectionSet: { kind: Kind.SELECTION_SET, selections: fields },
  };
  return { query: print(operation), operationName, aliases: queries.map((_, i) => aliasOf(i)) };
}

/** The same non-representation variable must carry one value for all members (it always does:
 * they are the client's variables), or the fetches go alone. */
function mergedVariables(members: Member[]): Record<string, unknown> | null {
  const variables: Record<string, unknown> = {};
  for (const [index, { fetch }] of members.entries()) {
    for (const [name, value] of Object.entries(fetch.variables)) {
      if (name === REPRESENTATIONS) variables[representationsOf(index)] = value;
      else if (name in variables && variables[name] !== value) return null;
      else variables[name] = value;
    }
  }
  return variables;
}

/** A member's errors: those under its alias, renamed back to `_entities`, and those of no member. */
function errorsFor(errors: GraphQLErrorShape[] | undefined, alias: string, aliases: Set<string>) {
  if (!errors) return undefined;
  const own = errors.flatMap((error) => {
    const head = error.path?.[0];
    if (head === alias) {
      // Its locations point into the merged operation, which the fetch never sent.
      const { locations: _, ...rest } = error;
      return [{ ...rest, path: [ENTITIES, ...(error.path ?? []).slice(1)] }];
    }
    return typeof head === 'string' && aliases.has(head) ? [] : [error];
  });
  return own.length > 0 ? own : undefined;
}

function split(answer: GatewayGraphQLResponse, merged: Merged): GatewayGraphQLResponse[] {
  const data = answer.data as Record<string, unknown> | null | undefined;
  const aliases = new Set(merged.aliases);
  return merged.aliases.map((alias) => {
    const errors = errorsFor(answer.errors as GraphQLErrorShape[] | undefined, alias, aliases);
    const part: GatewayGraphQLResponse = {
      ...answer,
      data: data ? { [ENTITIES]: data[alias] } : data,
    };
    if (errors) part.errors = errors as unknown as GatewayGraphQLResponse['errors'];
    else delete part.errors;
    return part;
  });
}

/**
 * Batches one subgraph's entity fetches per client request: `fetch` waits for the end of the
 * current tick, then sends every fetch of the same key together. With the request's plan
 * progress, a fetch that ends its branch also waits for its siblings (fetch-rendezvous.ts). The
 * key must name the client request and its viewer (the signed viewer context and the request id),
 * so fetches of different requests never share an operation. Merged operations are remembered by
 * their members' queries.
 */
export function entityFetchBatcher() {
  const pending = new Map<string, Pending>();
  const merges = new LRUCache<string, Merged | false>({ max: 500 });

  const mergedFor = (members: Member[]): Merged | null => {
    const key = members.map((m) => `${m.fetch.operationName ?? ''}\n${m.fetch.query}`).join('\n\n');
    let merged = merges.get(key);
    if (merged === undefined) {
      merged =
        merge(
          members.map((m) => m.fetch.query),
          members.map((m) => m.fetch.operationName),
        ) ?? false;
      merges.set(key, merged);
    }
    return merged || null;
  };

  const sendAlone = (batch: Pending, member: Member) =>
    sent(batch, [member], batch.send(JSON.stringify(member.fetch))).then(
      member.resolve,
      member.reject,
    );

  const sendTogether = (batch: Pending, members: Member[]) => {
    const merged = members.length > 1 ? mergedFor(members) : null;
    const variables = merged ? mergedVariables(members) : null;
    if (!merged || !variables) {
      for (const member of members) void sendAlone(batch, member);
      return;
    }
    const body = JSON.stringify({
      query: merged.query,
      operationName: merged.operationName,
      variables,
    });
    sent(batch, members, batch.send(body)).then(
      (answer) => {
        for (const [index, part] of split(answer, merged).entries()) members[index].resolve(part);
      },
      (error) => {
        for (const member of members) member.reject(error);
      },
    );
  };

  /** Sends the members that need not wait for a sibling branch; the others stay pending. */
  const flush = (key: string) => {
    const batch = pending.get(key);
    if (!batch) return;
    batch.queued = false;
    const stay = batch.members.filter((m) => batch.progress?.mustWait(m.fetch.query));
    const go = batch.members.filter((m) => !stay.includes(m));
    batch.members = stay;
    if (stay.length === 0) pending.delete(key);
    else if (!batch.holding) {
      batch.holding = true;
      batch.progress?.whenAFetchReturns(() => {
        batch.holding = false;
        flush(key);
      });
    }
    if (go.length > 0) sendTogether(batch, go);
  };

  return (
    key: string,
    fetch: EntityFetch,
    send: Send,
    progress?: PlanProgress,
  ): Promise<GatewayGraphQLResponse> =>
    new Promise((resolve, reject) => {
      progress?.arrive(fetch.query);
      const batch = pending.get(key) ?? {
        members: [],
        send,
        progress,
        queued: false,
        holding: false,
      };
      pending.set(key, batch);
      batch.members.push({ fetch, resolve, reject });
      if (batch.queued) return;
      batch.queued = true;
      queueMicrotask(() => flush(key));
    });
}

/** Tells the request's plan progress which fetches are in flight until their answer. */
const sent = <T>(batch: Pending, members: Member[], answer: Promise<T>): Promise<T> =>
  batch.progress
    ? batch.progress.track(
        members.map((m) => m.fetch.query),
        answer,
      )
    : answer;
