import type {
  CompositeType,
  FieldSelection,
  Operation,
  OutputType,
  Schema,
  Selection,
  SelectionSet,
} from '@apollo/federation-internals';
import * as internals from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';

// The module object itself, as executeQueryPlan reads it: a namespace import may be a copy (tsx).
import libraryShaping = require('@apollo/gateway/dist/resultShaping');

// @apollo/gateway's result shaping (`computeResponse`, dist/resultShaping.js of 2.14.4), rewritten
// to do per request what it did per value. Profiled under rotating load it was the gateway's
// largest cost (a quarter of its CPU on PartnerDashboard, plus the garbage it left): for each of
// thousands of values it read @apollo/federation-internals' exports through their re-export
// getters, looked up @skip/@include again, built a closure for each assertion and a result object
// for each call. Here each selection set is prepared once per request (skips decided, names and
// types read) and the walk allocates nothing but the answer. Same answer, same errors, in the same
// order: test/unit/gateway/result-shaping.test.ts runs both on the same operations and data.

// Read once: each `internals.x` is a getter call.
const {
  ERRORS,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isSubtype,
  isValidLeafValue,
  typenameFieldName,
  Variable,
} = internals;
/** The library's assert (same messages), called only once a check has failed or on cold paths. */
const assert: (condition: unknown, message: string | (() => string)) => void = internals.assert;

type LeafType = Parameters<typeof isValidLeafValue>[2];
type Data = Record<string, unknown>;
type IntrospectionHandling = (selection: FieldSelection) => unknown;

const OK = 0;
const NULL_BUBBLE_UP = 1;

interface FieldStep {
  kind: 'field';
  selection: FieldSelection;
  responseName: string;
  type: OutputType;
  introspection: boolean;
  typename: boolean;
  selectionSet: SelectionSet | undefined;
}

interface FragmentStep {
  kind: 'fragment';
  typeCondition: CompositeType | undefined;
  selectionSet: SelectionSet;
  /** Whether the type condition applies, by __typename, as found. */
  applies: Map<string, boolean>;
}

type Step = FieldStep | FragmentStep;

/** One request's shaping: its inputs, the errors found, and what each call tells its caller. */
interface Shaping {
  schema: Schema;
  variables: Data;
  errors: GraphQLError[];
  introspectionHandling: IntrospectionHandling;
  steps: Map<SelectionSet, Step[]>;
  /** Set by updateOutputValue for its caller, as the library's `{ isInvalid, hasErrors }`. */
  isInvalid: boolean;
  hasErrors: boolean;
}

export function computeResponse({
  operation,
  variables,
  input,
  introspectionHandling,
}: {
  operation: Operation;
  variables?: Data;
  input: Data | null | undefined;
  introspectionHandling: IntrospectionHandling;
}): { data: Data | null | undefined; errors: GraphQLError[] } {
  if (!input) return { data: input, errors: [] };
  const schema = operation.schema();
  const shaping: Shaping = {
    schema,
    variables: { __proto__: null, ...operation.collectDefaultedVariableValues(), ...variables },
    errors: [],
    introspectionHandling,
    steps: new Map(),
    isInvalid: false,
    hasErrors: false,
  };
  const data = Object.create(null) as Data;
  const rootType = schema.schemaDefinition.rootType(operation.rootKind) as CompositeType;
  const res = applySelectionSet(shaping, input, operation.selectionSet, data, [], rootType);
  return { data: res === NULL_BUBBLE_UP ? null : data, errors: shaping.errors };
}

/** Replaces the library's result shaping with this one (executeQueryPlan calls it by export). */
export function useFasterResultShaping(): void {
  (libraryShaping as { computeResponse: unknown }).computeResponse = computeResponse;
}

function stepsOf(shaping: Shaping, selectionSet: SelectionSet): Step[] {
  let steps = shaping.steps.get(selectionSet);
  if (!steps) {
    steps = [];
    for (const selection of selectionSet.selections()) {
      if (!shouldSkip(selection, shaping)) steps.push(stepOf(selection));
    }
    shaping.steps.set(selectionSet, steps);
  }
  return steps;
}

function stepOf(selection: Selection): Step {
  if (selection.kind === 'FieldSelection') {
    const field = selection.element;
    return {
      kind: 'field',
      selection,
      responseName: field.responseName(),
      type: field.definition.type as OutputType,
      introspection: field.definition.isSchemaIntrospectionField(),
      typename: field.name === typenameFieldName,
      selectionSet: selection.selectionSet,
    };
  }
  return {
    kind: 'fragment',
    typeCondition: selection.element.typeCondition,
    selectionSet: selection.selectionSet,
    applies: new Map(),
  };
}

function shouldSkip({ element }: Selection, { schema, variables }: Shaping): boolean {
  if (element.appliedDirectives.length === 0) return false;
  const skip = element.appliedDirectivesOf(schema.skipDirective())[0];
  const include = element.appliedDirectivesOf(schema.includeDirective())[0];
  return (
    (skip !== undefined && ifValue(skip, variables)) ||
    (include !== undefined && !ifValue(include, variables))
  );
}

function ifValue(directive: { arguments(): { if?: unknown } }, variables: Data): boolean {
  const ifArg = directive.arguments().if;
  if (ifArg instanceof Variable) {
    const value = variables[ifArg.name];
    if (typeof value !== 'boolean') {
      assert(false, () => `Unexpected value ${value} for variable ${ifArg} of ${directive}`);
    }
    return value as boolean;
  }
  return ifArg as boolean;
}

function typeConditionApplies(
  schema: Schema,
  step: FragmentStep,
  typename: string | undefined,
  parentType: CompositeType,
): boolean {
  const { typeCondition } = step;
  if (!typeCondition) return true;
  if (!typename) return isSubtype(typeCondition, parentType);
  let applies = step.applies.get(typename);
  if (applies === undefined) {
    const type = schema.type(typename);
    applies = !!type && isSubtype(typeCondition, type as CompositeType);
    step.applies.set(typename, applies);
  }
  return applies;
}

function applySelectionSet(
  shaping: Shaping,
  input: Data,
  selectionSet: SelectionSet,
  output: Data,
  path: (string | number)[],
  parentType: CompositeType,
): number {
  for (const step of stepsOf(shaping, selectionSet)) {
    if (step.kind === 'field') {
      const { responseName } = step;
      const outputValue = output[responseName];
      if (step.introspection) {
        if (outputValue === undefined) {
          output[responseName] = shaping.introspectionHandling(step.selection);
        }
        continue;
      }
      let inputValue = (Object.hasOwn(input, responseName) ? input[responseName] : null) ?? null;
      if (step.typename) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== typenameFieldName) {
            inputValue = input[typenameFieldName] ?? null;
          }
          const type =
            inputValue !== null && typeof inputValue === 'string'
              ? (shaping.schema.type(inputValue) ?? parentType)
              : parentType;
          if (!isObjectType(type)) return NULL_BUBBLE_UP;
          output[responseName] = type.name;
        }
        continue;
      }
      path.push(responseName);
      output[responseName] = updateOutputValue(
        shaping,
        outputValue,
        step.type,
        inputValue,
        step.selectionSet,
        path,
        parentType,
      );
      path.pop();
      if (shaping.isInvalid) return NULL_BUBBLE_UP;
    } else {
      const typename = input[typenameFieldName];
      if (typename && typeof typename !== 'string') {
        assert(false, () => `Got unexpected value for __typename: ${typename}`);
      }
      if (typeConditionApplies(shaping.schema, step, typename as string | undefined, parentType)) {
        const res = applySelectionSet(
          shaping,
          input,
          step.selectionSet,
          output,
          path,
          step.typeCondition ?? parentType,
        );
        if (res === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
      }
    }
  }
  return OK;
}

function pathLastElementDescription(
  path: (string | number)[],
  currentType: OutputType,
  parentType: CompositeType,
): string {
  const element = path[path.length - 1];
  assert(element !== undefined, 'Should not have been called on an empty path');
  return typeof element === 'string'
    ? `field ${parentType}.${element}`
    : `array element of type ${currentType} at index ${element}`;
}

/** Returns the updated value; sets `shaping.isInvalid` and `shaping.hasErrors` for the caller. */
function updateOutputValue(
  shaping: Shaping,
  outputValue: unknown,
  type: OutputType,
  inputValue: unknown,
  selectionSet: SelectionSet | undefined,
  path: (string | number)[],
  parentType: CompositeType,
): unknown {
  shaping.isInvalid = false;
  shaping.hasErrors = false;
  if (inputValue === undefined) {
    assert(false, 'Should not pass undefined for `inputValue` to this method');
  }
  if (outputValue === null || (outputValue !== undefined && !selectionSet)) return outputValue;
  if (isNonNullType(type)) {
    const updated = updateOutputValue(
      shaping,
      outputValue,
      type.ofType,
      inputValue,
      selectionSet,
      path,
      parentType,
    );
    if (updated === null) {
      if (!shaping.hasErrors) {
        shaping.errors.push(
          ERRORS.INVALID_GRAPHQL.err(
            `Cannot return null for non-nullable ${pathLastElementDescription(path, type.ofType, parentType)}.`,
            { path: Array.from(path) },
          ),
        );
      }
      shaping.isInvalid = true;
      shaping.hasErrors = true;
      return updated;
    }
    shaping.isInvalid = false;
    shaping.hasErrors = false;
    return updated;
  }
  if (inputValue === null) return null;
  if (isListType(type))
    return updateList(shaping, outputValue, type, inputValue, selectionSet, path, parentType);
  if (isCompositeType(type)) {
    return updateObject(shaping, outputValue, type, inputValue, selectionSet, path, parentType);
  }
  if (outputValue !== undefined) {
    assert(false, () => `Excepted output to be undefined but got ${type} for type ${type}`);
  }
  const isValidValue = isValidLeafValue(shaping.schema, inputValue, type as LeafType);
  if (!isValidValue) {
    shaping.errors.push(
      ERRORS.INVALID_GRAPHQL.err(
        `Invalid value found for ${pathLastElementDescription(path, type, parentType)}.`,
        { path: Array.from(path) },
      ),
    );
  }
  shaping.hasErrors = !isValidValue;
  return isValidValue ? inputValue : null;
}

function updateList(
  shaping: Shaping,
  outputValue: unknown,
  type: OutputType & { ofType: OutputType },
  inputValue: unknown,
  selectionSet: SelectionSet | undefined,
  path: (string | number)[],
  parentType: CompositeType,
): unknown {
  if (!Array.isArray(inputValue)) {
    assert(
      false,
      () => `Invalid non-list value ${inputValue} returned by subgraph for list type ${type}`,
    );
  }
  if (outputValue !== undefined && !Array.isArray(outputValue)) {
    assert(
      false,
      () => `Invalid non-list value ${outputValue} returned by subgraph for list type ${type}`,
    );
  }
  const inputs = inputValue as unknown[];
  const outputs = outputValue as unknown[] | undefined;
  if (outputs !== undefined && inputs.length !== outputs.length) {
    assert(
      false,
      () => `[${inputs}].length (${inputs.length}) !== [${outputs}].length (${outputs.length})`,
    );
  }
  let shouldNullify = false;
  let hasErrors = false;
  const updated = new Array<unknown>(inputs.length);
  for (let idx = 0; idx < inputs.length; idx++) {
    path.push(idx);
    updated[idx] = updateOutputValue(
      shaping,
      outputs === undefined ? undefined : outputs[idx],
      type.ofType,
      inputs[idx],
      selectionSet,
      path,
      parentType,
    );
    path.pop();
    shouldNullify ||= shaping.isInvalid;
    hasErrors ||= shaping.hasErrors;
  }
  shaping.isInvalid = false;
  shaping.hasErrors = hasErrors;
  return shouldNullify ? null : updated;
}

function updateObject(
  shaping: Shaping,
  outputValue: unknown,
  type: CompositeType,
  inputValue: unknown,
  selectionSet: SelectionSet | undefined,
  path: (string | number)[],
  parentType: CompositeType,
): unknown {
  if (!selectionSet) assert(false, () => `Invalid empty selection set for composite type ${type}`);
  if (typeof inputValue !== 'object') {
    assert(
      false,
      () =>
        `Invalid non-object value ${inputValue} returned by subgraph for composite type ${type}`,
    );
  }
  if (outputValue !== undefined && typeof outputValue !== 'object') {
    assert(
      false,
      () =>
        `Invalid non-object value ${inputValue} returned by subgraph for composite type ${type}`,
    );
  }
  const input = inputValue as Data;
  const inputTypename = input[typenameFieldName];
  if (inputTypename !== undefined && typeof inputTypename !== 'string') {
    assert(false, () => `Invalid non-string value ${inputTypename} for __typename at ${path}`);
  }
  let objType = type;
  if (inputTypename) {
    const typenameType = shaping.schema.type(inputTypename as string);
    if (!typenameType || !isCompositeType(typenameType)) {
      shaping.errors.push(
        ERRORS.INVALID_GRAPHQL.err(
          `Invalid __typename found for object at ${pathLastElementDescription(path, type, parentType)}.`,
          { path: Array.from(path) },
        ),
      );
      shaping.isInvalid = false;
      shaping.hasErrors = true;
      return null;
    }
    objType = typenameType;
  }
  const output = outputValue === undefined ? (Object.create(null) as Data) : (outputValue as Data);
  const res = applySelectionSet(shaping, input, selectionSet!, output, path, objType);
  const hasErrors = res === NULL_BUBBLE_UP;
  shaping.isInvalid = false;
  shaping.hasErrors = hasErrors;
  return hasErrors ? null : output;
}
