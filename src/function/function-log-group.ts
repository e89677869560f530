import { RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { FunctionRole } from './function-role';
import { ServerlessFunctionOptions } from './serverless-function-props';
import { allowLogsToUseKey, blueprintKey } from '../encryption/blueprint-key';

/**
 * Creates the function's own log group (retention, removal policy, customer-managed key) and lets the
 * role write to it, and only to it: `logs:CreateLogStream` and `logs:PutLogEvents` on the group's ARN.
 * No `logs:CreateLogGroup`, so Lambda never races CloudFormation to create an unencrypted group.
 *
 * @internal
 */
export function configureFunctionLogGroup(
  scope: Construct,
  role: FunctionRole,
  props: ServerlessFunctionOptions,
): logs.LogGroup {
  const encryptionKey = props.logEncryptionKey ?? blueprintKey(scope);
  allowLogsToUseKey(encryptionKey);
  const logGroup = new logs.LogGroup(scope, 'LogGroup', {
    retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
    removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    encryptionKey,
  });
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    sid: 'WriteOwnLogGroup',
    actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    resources: [logGroup.logGroupArn],
  }));
  return logGroup;
}
