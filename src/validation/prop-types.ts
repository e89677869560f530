import { Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { AnnotationIds } from './annotation-ids';
import { ErrorCodes } from './error-codes';
import { PROP_SHAPE_NAMES, PROP_SHAPES } from './prop-shapes.generated';
import { Validator } from './validator';

/**
 * The expected type of one property, as the checks see it. Plain JavaScript and Python (through jsii)
 * callers can pass anything (`undefined` in a map, `'128'` for a number, `30` for a Duration); these
 * checks turn that into a coded error instead of a `TypeError` from deep inside a construct.
 *
 * @internal
 */
export type PropType =
  | 'number' | 'string' | 'boolean' | 'duration' | 'size' | 'object' | 'array' | 'stringMap' | 'construct'
  | { readonly shape: PropShape }
  | { readonly arrayOf: PropType }
  | { readonly mapOf: PropType }
  | { readonly oneOf: readonly string[] };

/** The expected types of an object's properties; keys ending in `!` are required. @internal */
export interface PropShape {
  readonly [property: string]: PropType;
}

const DESCRIPTIONS: Record<string, string> = {
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  duration: 'a Duration (e.g. Duration.seconds(30))',
  size: 'a Size (e.g. Size.mebibytes(512))',
  object: 'an object',
  array: 'a list',
  stringMap: 'a map of strings',
  construct: 'a construct',
};

function describe(t: PropType): string {
  if (typeof t === 'string') {
    return DESCRIPTIONS[t];
  }
  if ('shape' in t) {
    return 'an object';
  }
  if ('oneOf' in t) {
    return `one of ${t.oneOf.join(', ')}`;
  }
  if ('arrayOf' in t) {
    return `a list of ${describe(t.arrayOf).replace(/^an? /, '')}s`;
  }
  return `a map of ${describe(t.mapOf).replace(/^an? /, '')}s`;
}

function show(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (value === undefined) {
    return 'undefined';
  }
  if (typeof value === 'string') {
    return `'${value.length > 40 ? value.slice(0, 40) + '...' : value}' (a string)`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return `${value} (a ${typeof value})`;
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  return `${(value as object).constructor?.name ?? 'an object'}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function matches(value: unknown, t: Exclude<PropType, object>): boolean {
  switch (t) {
    case 'number': return typeof value === 'number' && (Token.isUnresolved(value) || !Number.isNaN(value));
    case 'string': return typeof value === 'string';
    case 'boolean': return typeof value === 'boolean';
    // Duck-typed: a second copy of aws-cdk-lib (or jsii's proxy) is not `instanceof` ours.
    case 'duration': return isObject(value) && typeof value.toSeconds === 'function' && typeof value.isUnresolved === 'function';
    case 'size': return isObject(value) && typeof value.toMebibytes === 'function' && typeof value.isUnresolved === 'function';
    case 'object': return isObject(value);
    case 'array': return Array.isArray(value);
    case 'stringMap': return isObject(value) && Object.values(value).every((x) => typeof x === 'string');
    case 'construct': return isObject(value) && isObject(value.node) && typeof (value.node as { path?: unknown }).path === 'string';
  }
}

/**
 * Checks `value` against `t`, recording one `LBP_PROP_TYPE` problem per wrong value (naming the
 * property path). Returns whether the value may be used by the other checks.
 *
 * @internal
 */
export function checkType(v: Validator, property: string, value: unknown, t: PropType, required = false): boolean {
  if (value === undefined && !required) {
    return true;
  }
  if (Token.isUnresolved(value) && (t === 'string' || t === 'number' || t === 'array' || t === 'stringMap')) {
    return true;
  }
  const fail = () => {
    v.fail({
      code: ErrorCodes.LBP_PROP_TYPE,
      property,
      value: show(value),
      limit: `it must be ${describe(t)}${value === null || value === undefined ? (required ? ' (required)' : '; leave it out to use the default') : ''}`,
      fix: value === null || value === undefined
        ? (required ? `set ${property}` : `remove ${property} (or give it a value); in Python pass nothing rather than None inside a map`)
        : `pass ${describe(t)} for ${property}`,
    });
    return false;
  };
  if (typeof t === 'string') {
    if (t === 'stringMap' && isObject(value)) {
      let ok = true;
      for (const [k, x] of Object.entries(value)) {
        if (typeof x !== 'string') {
          ok = checkType(v, `${property}.${k}`, x, 'string', true) && ok;
        }
      }
      return ok;
    }
    return matches(value, t) || fail();
  }
  if ('oneOf' in t) {
    return (typeof value === 'string' && (Token.isUnresolved(value) || t.oneOf.includes(value))) || fail();
  }
  if ('shape' in t) {
    return isObject(value) ? checkShape(v, property, value, t.shape) : fail();
  }
  if ('arrayOf' in t) {
    if (!Array.isArray(value)) {
      return fail();
    }
    let ok = true;
    value.forEach((x, i) => { ok = checkType(v, `${property}[${i}]`, x, t.arrayOf, true) && ok; });
    return ok;
  }
  if (!isObject(value)) {
    return fail();
  }
  let ok = true;
  for (const [k, x] of Object.entries(value)) {
    ok = checkType(v, `${property}.${k}`, x, t.mapOf, true) && ok;
  }
  return ok;
}

/**
 * Checks every property of `props` named in `shape` (keys ending in `!` are required). Returns
 * whether all of them may be used by the other checks; the caller throws before looking further
 * when not.
 *
 * @internal
 */
export function checkShape(v: Validator, prefix: string, props: unknown, shape: PropShape): boolean {
  if (!isObject(props)) {
    v.fail({
      code: ErrorCodes.LBP_PROP_TYPE,
      property: prefix || 'props',
      value: show(props),
      limit: 'it must be an object of properties',
      fix: 'pass the properties object',
    });
    return false;
  }
  let ok = true;
  for (const [key, t] of Object.entries(shape)) {
    const required = key.endsWith('!');
    const name = required ? key.slice(0, -1) : key;
    ok = checkType(v, prefix ? `${prefix}.${name}` : name, props[name], t, required) && ok;
  }
  warnUnknownKeys(v, prefix, props, shape);
  return ok;
}

/**
 * Warns (`unknownProperty`) about each key of `props` that the struct behind `shape` does not have: a
 * JavaScript or Python caller's typo (`memorySzie`) would otherwise be dropped without a word. Only
 * shapes generated from a jsii struct know their struct, so only they warn. A property forwarded to a
 * child construct is named once, by the outermost construct that checked it.
 */
function warnUnknownKeys(v: Validator, prefix: string, props: Record<string, unknown>, shape: PropShape): void {
  const struct = PROP_SHAPE_NAMES.get(shape);
  if (struct === undefined) {
    return;
  }
  for (const key of Object.keys(props)) {
    if (hasOwn(shape, key) || hasOwn(shape, `${key}!`) || props[key] === undefined || alreadyWarned(v.scope, key)) {
      continue;
    }
    // The list of known names is built only for a key that is not one of them (rare: a typo).
    const closest = closestName(key, Object.keys(shape).map((k) => k.replace(/!$/, '')));
    v.warn(AnnotationIds.UNKNOWN_PROPERTY, prefix ? `${prefix}.${key}` : key, (property) =>
      `${property} is not a property of ${struct}${closest ? `; did you mean ${closest}?` : '.'} It is ignored. `
      + `Remove it${closest ? ` or rename it to ${closest}` : ''}.`);
  }
}

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** The keys each construct was warned about, so a child that receives the same props stays quiet. */
const WARNED = new WeakMap<IConstruct, Set<string>>();

function alreadyWarned(scope: IConstruct, key: string): boolean {
  for (let s: IConstruct | undefined = scope.node.scope; s !== undefined; s = s.node.scope) {
    if (WARNED.get(s)?.has(key)) {
      return true;
    }
  }
  WARNED.set(scope, (WARNED.get(scope) ?? new Set()).add(key));
  return false;
}

/** The known name nearest to `key` (edit distance at most a third of its length, at least 2), if any. */
function closestName(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const name of known) {
    const d = editDistance(key.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The shape of `AlarmOptions`. @internal */
export const ALARM_OPTIONS_SHAPE: PropShape = PROP_SHAPES.AlarmOptions;

/**
 * Whether a value is a construct (or looks like one: an object with a `node`), for factories that take
 * one and must not throw on anything else.
 *
 * @internal
 */
export function isConstructLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { node?: unknown }).node === 'object';
}
