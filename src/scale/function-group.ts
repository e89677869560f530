import { CfnOutput, CfnParameter, CfnResource, NestedStack } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { isShard, markShard } from './shard-mark';
import { ServerlessFunction } from '../function/serverless-function';
import { ServerlessFunctionProps } from '../function/serverless-function-props';
import { MonitoringMode, setMonitoringMode } from '../observability/monitoring-mode';
import { BlueprintValidationError, Problem } from '../validation/blueprint-error';
import { MAX_RESOURCES, ownTemplateConstructs } from '../validation/cloudformation-limits';
import { ConstructionGuard } from '../validation/construction-guard';
import { ErrorCodes } from '../validation/error-codes';
import { placeNamed } from '../validation/place';
import { checkShape, checkType } from '../validation/prop-types';
import { Validator } from '../validation/validator';

/** CloudFormation's quota of parameters, and of outputs, per template. */
const MAX_PARAMETERS = 200;
const MAX_OUTPUTS = 200;
const MAX_SHARDS = 100;

/**
 * Properties of a {@link FunctionGroup}.
 */
export interface FunctionGroupProps {
  /**
   * How many nested stacks (shards) the group spreads its functions over. Fixed for the life of the
   * group: changing it moves functions to other shards, which replaces them on the next deployment.
   * Size it with headroom: a default hardened function is 9 resources, so a shard holds about 50;
   * plan about 25 functions per shard (for 300 functions, 12 shards). Shards are created only when
   * a function lands in them.
   *
   * @default 10
   */
  readonly shards?: number;

  /**
   * How the group's functions are alarmed: `FLEET` gives the group one Metrics Insights alarm per
   * signal (per batch of about 28 functions, in the group's own stack) that names each failing
   * function, instead of one combined alarm per function (see docs/fleet-monitoring.md).
   *
   * @default - the mode of the enclosing stack or app (`Blueprints.applyTo` / `BlueprintStack` option `monitoring`), else PER_FUNCTION
   */
  readonly monitoring?: MonitoringMode;
}

/**
 * Spreads many functions over nested stacks so that no stack passes CloudFormation's 500 resources,
 * without splitting by hand. Each function goes to the shard chosen by a stable hash (FNV-1a) of its
 * id, so adding or removing a function never moves another one (which would replace it on deploy),
 * and the same ids always give the same layout. Functions in a shard share the parent stack's KMS
 * key and alarm topic (passed in as nested-stack parameters, a handful per shard).
 *
 * Create a function in the group with `addFunction`, or build anything else (a pattern, a trigger's
 * source) in `shardFor(id)` so that it lives next to its function.
 */
export class FunctionGroup extends Construct {
  /**
   * The shard (0 to shards - 1) a function id goes to: the FNV-1a hash of the id's UTF-8 bytes,
   * modulo the shard count. It depends on nothing but the id and the count.
   *
   * @param id the function's construct id
   * @param shards the shard count
   */
  public static shardIndex(id: string, shards: number): number {
    let hash = 0x811c9dc5;
    // FNV-1a (32 bit): a published, stable hash; bitwise operations are its definition.
    for (const byte of Buffer.from(id, 'utf-8')) {
      hash ^= byte; // eslint-disable-line no-bitwise
      hash = Math.imul(hash, 0x01000193) >>> 0; // eslint-disable-line no-bitwise
    }
    return hash % shards;
  }

  /** Whether a construct is a shard of some FunctionGroup. */
  public static isShard(x: IConstruct): boolean {
    return isShard(x);
  }

  /** The shard count. */
  public readonly shardCount: number;

  private readonly shardStacks = new Map<number, NestedStack>();

  constructor(scope: Construct, id: string, props: FunctionGroupProps = {}) {
    super(scope, id);
    const guard = ConstructionGuard.forConstructor(this);
    try {
      const v = new Validator(this);
      if (!checkShape(v, '', props, { shards: 'number', monitoring: { oneOf: Object.values(MonitoringMode) } })) {
        v.throwIfAny();
      }
      this.shardCount = props.shards ?? 10;
      v.range(ErrorCodes.LBP_GROUP_SHARDS, 'shards', this.shardCount, 1, MAX_SHARDS, {
        integer: true,
        fix: `set shards to a whole number from 1 to ${MAX_SHARDS} (about one per 25 functions) and never change it afterwards`,
      });
      v.throwIfAny();
      if (props.monitoring !== undefined) {
        setMonitoringMode(this, props.monitoring);
      }
    } catch (error) {
      throw guard.fail(error);
    }
  }

  /** The nested stacks created so far, in shard order. */
  public get shards(): NestedStack[] {
    return [...this.shardStacks.entries()].sort(([a], [b]) => a - b).map(([, s]) => s);
  }

  /**
   * The nested stack the construct with this id belongs in (created on first use). Build a
   * function, and anything that belongs with it, in this scope under the same id.
   *
   * @param id the construct id of the function (or pattern) to place
   */
  public shardFor(id: string): Construct {
    const index = FunctionGroup.shardIndex(id, this.shardCount);
    let shard = this.shardStacks.get(index);
    if (!shard) {
      shard = new NestedStack(this, `Shard${String(index).padStart(2, '0')}`, {
        description: `cdk-lambda-blueprints: shard ${index} of ${this.shardCount} of ${this.node.path}`,
      });
      markShard(shard);
      shard.node.addValidation({ validate: () => shardProblems(shard!) });
      this.shardStacks.set(index, shard);
    }
    return shard;
  }

  /**
   * Creates a ServerlessFunction in its shard.
   *
   * @param id the function's construct id (unique in the group; it chooses the shard)
   * @param props the function's properties
   */
  public addFunction(id: string, props: ServerlessFunctionProps): ServerlessFunction {
    // Named at the group, which stays as it is.
    const v = new Validator(placeNamed(this.node.path));
    if (checkType(v, 'id', id, 'string', true)) {
      const shard = this.shardStacks.get(FunctionGroup.shardIndex(id, this.shardCount));
      const taken = shard?.node.tryFindChild(id);
      v.failIf(id === '' || taken !== undefined, {
        code: ErrorCodes.LBP_GROUP_FUNCTION_ID,
        property: 'id',
        value: `'${id}'`,
        limit: id === '' ? 'a function needs a non-empty id' : `the id is already used in the group (by ${taken?.node.path}); the id names the function and picks its shard`,
        fix: 'give each function of the group its own id',
      });
    }
    v.throwIfAny();
    // The same id always lands in the same shard, so a duplicate fails there as any duplicate id does.
    // All or nothing: a function that fails leaves no new, empty shard behind.
    const guard = ConstructionGuard.forShallowMethod(this, [this, ...this.shardStacks.values()]);
    const existing = new Set(this.shardStacks.keys());
    try {
      return new ServerlessFunction(this.shardFor(id), id, props);
    } catch (error) {
      for (const index of [...this.shardStacks.keys()].filter((i) => !existing.has(i))) {
        this.shardStacks.delete(index);
      }
      throw guard.fail(error);
    }
  }
}

/** The problems of one shard at synth: resources, parameters and outputs over CloudFormation's quotas. */
function shardProblems(shard: NestedStack): string[] {
  let resources = 0;
  let parameters = 0;
  let outputs = 0;
  for (const c of ownTemplateConstructs(shard)) {
    if (CfnResource.isCfnResource(c)) {
      resources++;
    } else if (c instanceof CfnParameter) {
      parameters++;
    } else if (c instanceof CfnOutput) {
      outputs++;
    }
  }
  const problems: Problem[] = [];
  if (resources > MAX_RESOURCES) {
    problems.push({
      code: ErrorCodes.LBP_GROUP_SHARD_FULL,
      property: 'resources',
      value: `${resources}`,
      limit: `CloudFormation accepts at most ${MAX_RESOURCES} resources per nested stack`,
      fix: 'put new functions in a second FunctionGroup (changing shards of this one would move existing functions), or turn off alarms you do not need',
    });
  }
  if (parameters > MAX_PARAMETERS || outputs > MAX_OUTPUTS) {
    problems.push({
      code: ErrorCodes.LBP_GROUP_SHARD_REFERENCES,
      property: 'parameters/outputs',
      value: `${parameters} parameters, ${outputs} outputs`,
      limit: `CloudFormation accepts at most ${MAX_PARAMETERS} parameters and ${MAX_OUTPUTS} outputs per template`,
      fix: 'reference fewer attributes of the shard\'s functions from outside it (e.g. build what reads them inside the shard with shardFor), or spread the functions over a second FunctionGroup',
    });
  }
  return problems.length === 0 ? [] : [new BlueprintValidationError(shard, problems).message];
}
