import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledgeResourceWildcards } from '../../acknowledgements/acknowledge';
import { ResourceWildcardAcknowledgement } from '../../acknowledgements/acknowledgements';
import { DurableOptions } from '../durable-options';

/** The actions a durable function's role needs (https://docs.aws.amazon.com/lambda/latest/dg/durable-security.html). @internal */
export const DURABLE_EXECUTION_ACTIONS: readonly string[] = ['lambda:CheckpointDurableExecution', 'lambda:GetDurableExecutionState'];

/** aws-cdk-lib's durable configuration for the options (checked before). @internal */
export function durableConfigOf(durable: DurableOptions | undefined): lambda.DurableConfig | undefined {
  if (durable === undefined) {
    return undefined;
  }
  return { executionTimeout: durable.executionTimeout, retentionPeriod: durable.retention ?? Duration.days(14) };
}

/**
 * The customer-managed policy that lets a durable function checkpoint its own executions: the two actions
 * on `<function ARN>:*` (its versions' executions), in a policy only the library writes, with the one
 * acknowledged `:*`. aws-cdk-lib adds its AWS managed `AWSLambdaBasicDurableExecutionRolePolicy` (on
 * `Resource: *`) only to a role it creates itself; a ServerlessFunction always passes its own role.
 *
 * @internal
 */
export function createDurableExecutionPolicy(scope: Construct, fn: lambda.Function, role: iam.IRole): iam.ManagedPolicy {
  const versions = `${fn.functionArn}:*`;
  const policy = new iam.ManagedPolicy(scope, 'DurableExecutionPolicy', {
    description: `Checkpoints and state of the durable executions of ${scope.node.path}`,
    roles: [role],
    statements: [new iam.PolicyStatement({
      sid: 'CheckpointOwnDurableExecutions',
      actions: [...DURABLE_EXECUTION_ACTIONS],
      resources: [versions],
    })],
  });
  acknowledgeResourceWildcards(policy, ResourceWildcardAcknowledgement.DURABLE_EXECUTION_CHECKPOINTS, [versions]);
  return policy;
}
