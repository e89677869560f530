import { Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** CloudFormation's quota of resources per stack. */
export const MAX_RESOURCES = 500;
/** CloudFormation's limit of a template's size (uploaded through S3), in bytes. */
export const MAX_TEMPLATE_BYTES = 1_048_576;

/** What to do when a stack outgrows these limits. */
export const SPLIT_ADVICE = 'Split the stack: create the functions in a FunctionGroup (nested stacks, placed by a stable hash of their id), or move groups of functions (with their triggers) into their own stacks, ' +
  'or turn off alarms you do not need (alarms: { enabled: false } or per alarm).';

/**
 * Every construct under `stack` whose resources land in its own template, in tree order: nested stacks
 * and Stages below it have templates of their own and are skipped with their subtrees.
 */
export function ownTemplateConstructs(stack: IConstruct): IConstruct[] {
  const constructs: IConstruct[] = [];
  const walk = (c: IConstruct) => {
    for (const child of c.node.children) {
      if (Stack.isStack(child) || Stage.isStage(child)) {
        continue;
      }
      constructs.push(child);
      walk(child);
    }
  };
  walk(stack);
  return constructs;
}
