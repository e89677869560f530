import * as fs from 'fs';
import * as path from 'path';
// jsii-reflect comes with jsii-docgen (a dev dependency through projen); adding it to package.json would change the lock file.
// eslint-disable-next-line import/no-extraneous-dependencies
import * as reflect from 'jsii-reflect';

/**
 * Generates src/validation/prop-shapes.generated.ts from the compiled jsii assembly (.jsii): one
 * `PropShape` per struct of the library, so the type checks of JavaScript and Python callers' props
 * (`checkShape`) follow the TypeScript interfaces instead of restating them. Run with
 * `npx projen prop-shapes` after changing a props interface and compiling;
 * test/validation/prop-shapes.test.ts regenerates in memory and fails when the committed file is stale.
 *
 * The mapping, one jsii type reference to one PropType:
 * - string, number, boolean: themselves; any, json, date: 'object'; aws-cdk-lib Duration and Size: 'duration', 'size';
 * - an enum: `{ oneOf: <its run-time values> }`;
 * - a list: `{ arrayOf }`; a map: 'stringMap' for strings, else `{ mapOf }`;
 * - a struct of this library: `{ shape }` (its own generated shape); a struct of another library: 'object';
 * - a class or interface: 'construct' when it is (or extends) a construct, else 'object';
 * - a union: 'object' when every member is an object type, else left out (no type check).
 * A required property's key ends in `!`. Properties keep their order of declaration (inherited ones first).
 */

const ROOT = path.join(__dirname, '..');
export const GENERATED_FILE = path.join(ROOT, 'src', 'validation', 'prop-shapes.generated.ts');

type Emitted = string | undefined;

function enumValues(e: reflect.EnumType, localEnums: Record<string, unknown>): string[] {
  const [assembly, ...rest] = e.fqn.split('.');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  let value: any = assembly === e.system.roots[0].name ? localEnums : require(assembly);
  for (const part of rest) {
    value = value?.[part];
  }
  if (value === undefined) {
    throw new Error(`cannot find the run-time values of ${e.fqn}`);
  }
  return Object.values(value as object).map(String);
}

function isConstruct(t: reflect.Type): boolean {
  const system = t.system;
  const construct = system.tryFindFqn('constructs.Construct');
  const iconstruct = system.tryFindFqn('constructs.IConstruct');
  return [construct, iconstruct].some((base) => base !== undefined && (t.fqn === base.fqn || t.extends(base)));
}

/**
 * Interfaces that extend IConstruct but whose ready-made values are not constructs, so they are checked
 * as 'object': reading `node` of `LambdaDeploymentConfig.ALL_AT_ONCE` (a DetachedConstruct) throws.
 */
const NOT_CONSTRUCTS = new Set(['aws-cdk-lib.aws_codedeploy.ILambdaDeploymentConfig']);

/**
 * Structs of aws-cdk-lib whose fields the library checks, so they get a shape of their own (the other
 * structs of other libraries are 'object'): the function URL trigger checks its CORS settings.
 */
export const EXPANDED_STRUCTS = ['aws-cdk-lib.aws_lambda.FunctionUrlCorsOptions'];

function emit(ref: reflect.TypeReference, localName: (t: reflect.Type) => string | undefined, localEnums: Record<string, unknown>): Emitted {
  if (ref.isAny || ref.primitive === 'any') {
    return undefined; // anything goes
  }
  if (ref.primitive !== undefined) {
    return ['string', 'number', 'boolean'].includes(ref.primitive) ? `'${ref.primitive}'` : '\'object\'';
  }
  if (ref.arrayOfType) {
    const inner = emit(ref.arrayOfType, localName, localEnums);
    return inner === undefined ? '\'array\'' : `{ arrayOf: ${inner} }`;
  }
  if (ref.mapOfType) {
    const inner = emit(ref.mapOfType, localName, localEnums);
    if (inner === '\'string\'') {
      return '\'stringMap\'';
    }
    return inner === undefined ? '\'object\'' : `{ mapOf: ${inner} }`;
  }
  if (ref.unionOfTypes) {
    const members = ref.unionOfTypes.map((m) => emit(m, localName, localEnums));
    return members.every((m) => m === '\'object\'' || m === '\'construct\'' || (m ?? '').startsWith('{ shape')) ? '\'object\'' : undefined;
  }
  const t = ref.type!;
  if (t.fqn === 'aws-cdk-lib.Duration') {
    return '\'duration\'';
  }
  if (t.fqn === 'aws-cdk-lib.Size') {
    return '\'size\'';
  }
  if (t.isEnumType()) {
    const values = enumValues(t, localEnums);
    if (values.some((x) => /^\d+$/.test(x))) {
      return '\'number\''; // a numeric enum (e.g. RetentionDays) is a number at run time
    }
    return `{ oneOf: ${JSON.stringify(values).replace(/"/g, '\'').replace(/,/g, ', ')} }`;
  }
  const local = localName(t);
  if (local !== undefined) {
    return `{ shape: ${local} }`;
  }
  return isConstruct(t) && !NOT_CONSTRUCTS.has(t.fqn) ? '\'construct\'' : '\'object\'';
}

function declarationOrder(struct: reflect.InterfaceType): reflect.Property[] {
  const seen = new Set<string>();
  const ordered: reflect.Property[] = [];
  const visit = (i: reflect.InterfaceType) => {
    for (const parent of i.interfaces) {
      visit(parent);
    }
    const own = [...i.ownProperties].sort((a, b) => (a.locationInModule?.line ?? 0) - (b.locationInModule?.line ?? 0));
    for (const p of own) {
      if (!seen.has(p.name)) {
        seen.add(p.name);
        ordered.push(p);
      }
    }
  };
  visit(struct);
  return ordered;
}

/** The generated file's text, from the assembly in `root` (a compiled jsii module) and the library's enums. */
export async function generatePropShapes(root: string, localEnums: Record<string, unknown>): Promise<string> {
  const system = new reflect.TypeSystem();
  const assembly = await system.load(root, { validate: false, supportedFeatures: ['intersection-types', 'class-covariant-overrides'] as any });
  const structs = [
    ...assembly.allInterfaces.filter((i) => i.datatype),
    ...EXPANDED_STRUCTS.map((fqn) => system.findFqn(fqn) as reflect.InterfaceType),
  ].sort((a, b) => a.name.localeCompare(b.name));
  const names = new Set(structs.map((s) => s.fqn));
  const localName = (t: reflect.Type) => (names.has(t.fqn) ? `${t.name}` : undefined);

  // Emit each struct after the structs it nests (a struct's shape refers to theirs by name).
  const emitted = new Set<string>();
  const blocks: string[] = [];
  const visit = (s: reflect.InterfaceType, stack: string[]) => {
    if (emitted.has(s.fqn)) {
      return;
    }
    if (stack.includes(s.fqn)) {
      throw new Error(`struct ${s.name} nests itself (${stack.join(' -> ')}): a PropShape cannot say that`);
    }
    const lines: string[] = [];
    for (const p of declarationOrder(s)) {
      const nested = p.type.type;
      if (nested && names.has(nested.fqn)) {
        visit(nested as reflect.InterfaceType, [...stack, s.fqn]);
      }
      for (const inner of [p.type.arrayOfType?.type, p.type.mapOfType?.type]) {
        if (inner && names.has(inner.fqn)) {
          visit(inner as reflect.InterfaceType, [...stack, s.fqn]);
        }
      }
      const t = emit(p.type, localName, localEnums);
      if (t !== undefined) {
        const key = p.optional ? p.name : `${p.name}!`;
        lines.push(`  ${/^[a-zA-Z_$][\w$]*$/.test(key) ? key : `'${key}'`}: ${t},`);
      }
    }
    emitted.add(s.fqn);
    blocks.push(`const ${s.name}: PropShape = {\n${lines.join('\n')}\n};\n`);
  };
  for (const s of structs) {
    visit(s, []);
  }
  return [
    '// ~~ Generated by `npx projen prop-shapes` (projenrc/prop-shapes.ts) from .jsii. Do not edit by hand.',
    'import type { PropShape } from \'./prop-types\';',
    '',
    ...blocks,
    '/**',
    ' * The expected types of every struct\'s properties, by struct name, generated from the jsii assembly.',
    ' *',
    ' * @internal',
    ' */',
    'export const PROP_SHAPES = {',
    ...structs.map((s) => `  ${s.name},`),
    '} as const;',
    '',
    '/** The struct name of each generated shape, for messages. @internal */',
    'export const PROP_SHAPE_NAMES: ReadonlyMap<PropShape, string> = new Map(Object.entries(PROP_SHAPES).map(([name, shape]) => [shape, name]));',
    '',
  ].join('\n');
}

if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const localEnums = require(path.join(ROOT, 'src'));
  void generatePropShapes(ROOT, localEnums).then((text) => {
    fs.writeFileSync(GENERATED_FILE, text);
    process.stdout.write(`wrote ${path.relative(ROOT, GENERATED_FILE)}\n`);
  });
}
