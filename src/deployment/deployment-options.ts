import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * A safe deployment of a function's `live` alias with CodeDeploy: traffic shifts to the new version
 * all at once, as a canary or linearly (the configurations SAM offers), optionally around pre- and
 * post-traffic hook functions, and rolls back automatically when the function's alarms fire.
 */
export interface DeploymentOptions {
  /**
   * How traffic shifts: `LambdaDeploymentConfig.ALL_AT_ONCE`, `CANARY_10PERCENT_5MINUTES` (and 10, 15,
   * 30 minutes), `LINEAR_10PERCENT_EVERY_1MINUTE` (and 2, 3, 10 minutes), or a custom
   * `LambdaDeploymentConfig`.
   *
   * @default LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES
   */
  readonly config?: codedeploy.ILambdaDeploymentConfig;

  /**
   * A function CodeDeploy invokes before any traffic shifts (e.g. smoke tests against the new
   * version). It must report its result with `codedeploy:PutLifecycleEventHookExecutionStatus`,
   * which it is granted when it has a role in this app. Pass a ServerlessFunction: CodeDeploy then invokes it through its `live` alias.
   *
   * @default - no pre-traffic hook
   */
  readonly preTrafficHook?: lambda.IFunction;

  /**
   * A function CodeDeploy invokes after all traffic has shifted.
   *
   * @default - no post-traffic hook
   */
  readonly postTrafficHook?: lambda.IFunction;

  /**
   * Whether the deployment rolls back when one of the rollback alarms fires: the function's errors
   * and duration alarms (when enabled) plus `rollbackAlarms`. Failed and stopped deployments always
   * roll back.
   *
   * @default true
   */
  readonly rollbackOnAlarms?: boolean;

  /**
   * More alarms that roll a deployment back (e.g. a business metric of the new version).
   *
   * @default - only the function's errors and duration alarms
   */
  readonly rollbackAlarms?: cloudwatch.IAlarm[];

  /**
   * The CodeDeploy application to deploy in (share one across functions to group them).
   *
   * @default - a new application per function
   */
  readonly application?: codedeploy.ILambdaApplication;
}
