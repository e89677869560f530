import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct, IConstruct } from 'constructs';

const KEY_ID = 'BlueprintKey';

/**
 * The customer-managed KMS key the library shares across one stack: it encrypts the functions' log
 * groups and the alarm topic. One key per stack (not per function) keeps the cost at one key.
 *
 * CloudWatch Logs only accepts customer-managed keys, and only when the key policy lets the regional
 * logs service use it (CDK does not add that statement); CloudWatch alarms can only publish to a
 * KMS-encrypted topic when the key lets `cloudwatch.amazonaws.com` use it. Grants on the key are
 * limited to AWS services (AWS Control Tower's CT.KMS.PR.3).
 *
 * @internal
 */
export function blueprintKey(scope: IConstruct): kms.IKey {
  return stackSingleton(scope, KEY_ID, createBlueprintKey);
}

function createBlueprintKey(stack: Stack): kms.Key {
  const key = new kms.Key(stack, KEY_ID, {
    description: `cdk-lambda-blueprints: log group and alarm topic encryption for ${stack.stackName}`,
    enableKeyRotation: true,
  });
  allowLogsToUseKey(key);
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchAlarmsToPublishToEncryptedTopics',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
    }),
  );
  key.addToResourcePolicy(grantsOnlyForAwsServices());
  return key;
}

/**
 * The key-policy statement AWS Control Tower's proactive control CT.KMS.PR.3 requires: nobody may create a
 * grant on the key unless the grant is for an AWS resource (a service acting for the caller, as Lambda,
 * CloudWatch Logs or Firehose do) or the caller is an AWS service. The statement must be exactly this
 * shape (a `Deny` of `kms:CreateGrant` for every principal with both keys `false` under `BoolIfExists`).
 *
 * @internal
 */
export function grantsOnlyForAwsServices(): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'DenyGrantsExceptForAwsResources',
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: ['kms:CreateGrant'],
    resources: ['*'],
    conditions: {
      BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' },
    },
  });
}

/**
 * Adds the key-policy statement CloudWatch Logs needs to encrypt this account's log groups in this
 * region with `key`. Does nothing for imported keys (their policy is not ours to change; the README
 * says what to add).
 *
 * @internal
 */
export function allowLogsToUseKey(key: kms.IKey): void {
  if (!(key instanceof kms.Key)) {
    return;
  }
  if (key.node.tryFindChild('LogsAllowed')) {
    return;
  }
  new Construct(key, 'LogsAllowed');
  // The stack's own region/account/partition: literals when the stack has an env, pseudo parameters otherwise.
  const stack = Stack.of(key);
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsToEncryptLogGroups',
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*`,
        },
      },
    }),
  );
}

/**
 * The stack that holds the shared pieces (key, alarm topic) for `scope`: its own stack, or for a
 * nested stack the top-level stack above it (one key for the whole tree, not one per nested stack).
 *
 * @internal
 */
export function sharingStack(scope: IConstruct): Stack {
  let stack = Stack.of(scope);
  while (stack.nestedStackParent) {
    stack = stack.nestedStackParent;
  }
  return stack;
}

/**
 * The construct `id` of the sharing stack of `scope` (see `sharingStack`), created by `create` on first
 * use: one per stack tree, shared by every construct under it (the blueprint key, the alarm topic).
 *
 * @internal
 */
export function stackSingleton<T extends IConstruct>(scope: IConstruct, id: string, create: (stack: Stack) => T): T {
  const stack = sharingStack(scope);
  return (stack.node.tryFindChild(id) as T | undefined) ?? create(stack);
}
