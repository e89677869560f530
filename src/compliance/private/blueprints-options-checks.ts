import { StackProps } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { BlueprintValidationError } from '../../validation/blueprint-error';
import { ErrorCodes } from '../../validation/error-codes';
import { placeNamed } from '../../validation/place';
import { PROP_SHAPES } from '../../validation/prop-shapes.generated';
import { checkShape, PropShape } from '../../validation/prop-types';
import { isConcrete, Validator } from '../../validation/validator';
import type { BlueprintsOptions } from '../blueprints';

/** The types of {@link UserDecisions} (each a reason). @internal */
export const USER_DECISIONS_SHAPE: PropShape = PROP_SHAPES.UserDecisions;

/** The types of {@link BlueprintsOptions}. @internal */
export const BLUEPRINTS_OPTIONS_SHAPE: PropShape = PROP_SHAPES.BlueprintsOptions;

/**
 * The BlueprintsOptions among a BlueprintStack's props (its StackProps are not options to apply).
 *
 * @internal
 */
export function blueprintsOptionsOf(props: BlueprintsOptions): BlueprintsOptions {
  const given = props as Record<string, unknown>;
  return Object.fromEntries(Object.keys(BLUEPRINTS_OPTIONS_SHAPE).filter((key) => given[key] !== undefined).map((key) => [key, given[key]]));
}

/** CloudFormation stack names (aws-cdk-lib's own rule) and description limit. */
const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;
const MAX_STACK_DESCRIPTION_BYTES = 1024;
const MAX_STACK_DESCRIPTION_CHARS = 512;

/**
 * Checks the scope and options of `Blueprints.applyTo` / `acknowledgeUserDecisions` before anything
 * is applied, and throws a {@link BlueprintValidationError} naming the scope (which stays in the tree).
 *
 * @internal
 */
export function checkBlueprintsCall(method: string, scope: unknown, property: string, value: unknown, shape: PropShape): void {
  const isConstruct = typeof scope === 'object' && scope !== null && typeof (scope as IConstruct).node?.path === 'string';
  const v = new Validator(placeNamed(isConstruct ? (scope as IConstruct).node.path || '<app>' : method));
  v.failIf(!isConstruct, {
    code: ErrorCodes.LBP_PROP_TYPE,
    property: 'scope',
    value: scope === null || scope === undefined ? String(scope) : `a ${typeof scope}`,
    limit: `${method} applies to a construct (an App, a Stage, a Stack or any construct)`,
    fix: `pass the app or a stack, e.g. ${method}(app)`,
  });
  if (value !== undefined) {
    checkShape(v, '', { [property]: value }, { [property]: { shape } });
  }
  v.throwIfAny();
}

/**
 * Checks a BlueprintStack's props before the stack exists (aws-cdk-lib would leave a half-made stack
 * in the app after refusing its name or description).
 *
 * @internal
 */
export function checkBlueprintStackProps(scope: IConstruct, id: string, props: StackProps & BlueprintsOptions): void {
  const v = new Validator(placeNamed(scope?.node?.path ? `${scope.node.path}/${id}` : id));
  if (checkShape(v, '', props, { ...BLUEPRINTS_OPTIONS_SHAPE, stackName: 'string', description: 'string' })) {
    const name = props.stackName;
    v.failIf(isConcrete(name) && !STACK_NAME.test(name), {
      code: ErrorCodes.LBP_STACK_PROPS,
      property: 'stackName',
      value: `'${name}'`,
      limit: 'a CloudFormation stack name has 1 to 128 characters: a letter, then letters, digits and hyphens',
      fix: `rename it, e.g. '${(name ?? '').replace(/[^A-Za-z0-9-]+/g, '-').replace(/^[^A-Za-z]+/, '').slice(0, 128) || 'Orders'}', or leave stackName unset`,
    });
    const description = props.description;
    if (isConcrete(description)) {
      const bytes = Buffer.byteLength(description, 'utf8');
      v.failIf(description.length > MAX_STACK_DESCRIPTION_CHARS || bytes > MAX_STACK_DESCRIPTION_BYTES, {
        code: ErrorCodes.LBP_STACK_PROPS,
        property: 'description',
        value: `${description.length} characters (${bytes} bytes)`,
        limit: `CloudFormation takes at most ${MAX_STACK_DESCRIPTION_BYTES} bytes, and aws-cdk-lib at most ${MAX_STACK_DESCRIPTION_CHARS} characters`,
        fix: 'shorten the description',
      });
    }
  }
  v.throwIfAny();
}

/**
 * The error to throw when aws-cdk-lib refused a BlueprintStack's props after the stack was added to the
 * app: the half-made stack is removed, so the same id can be used again.
 *
 * @internal
 */
export function failedStack(scope: IConstruct, id: string, error: unknown): Error {
  scope.node.tryRemoveChild(id);
  if (error instanceof BlueprintValidationError) {
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new BlueprintValidationError(placeNamed(`${scope.node.path ? `${scope.node.path}/` : ''}${id}`), [{
    code: ErrorCodes.LBP_AWS_CDK,
    property: 'props',
    value: `refused: ${message.split('\n')[0]}`,
    limit: 'aws-cdk-lib rejected a stack property',
    fix: 'correct the value named in the message',
  }]);
}
