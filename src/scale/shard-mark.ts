import { IConstruct } from 'constructs';

const SHARD_MARK = Symbol.for('cdk-lambda-blueprints.FunctionGroupShard');

/** Marks a nested stack as a FunctionGroup shard (which checks its own limits). @internal */
export function markShard(x: IConstruct): void {
  (x as any)[SHARD_MARK] = true;
}

/** Whether a construct is a FunctionGroup shard. @internal */
export function isShard(x: IConstruct): boolean {
  return (x as any)[SHARD_MARK] === true;
}
