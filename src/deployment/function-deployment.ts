import { Annotations, CfnResource } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { DeploymentOptions } from './deployment-options';
import { DEPLOYMENT_OPTIONS_SHAPE } from './private/deployment-options-shape';
import { validateDeploymentOptions } from './validate-deployment-options';
import { ManagedPolicyRole } from '../iam/managed-policy-role';
import { AnnotationIds } from '../validation/annotation-ids';
import { ConstructionGuard } from '../validation/construction-guard';
import { ErrorCodes } from '../validation/error-codes';
import { checkShape } from '../validation/prop-types';
import { Validator } from '../validation/validator';

/**
 * Properties of {@link FunctionDeployment}.
 */
export interface FunctionDeploymentProps extends DeploymentOptions {
  /** The function. */
  readonly function: lambda.IFunction;

  /** The alias whose traffic shifts (the function's `live` alias, created in this app). */
  readonly alias: lambda.Alias;

  /**
   * The function's own alarms that roll a deployment back (errors and duration).
   *
   * @default - none
   */
  readonly functionAlarms?: cloudwatch.IAlarm[];
}

/**
 * A CodeDeploy deployment group for a function's `live` alias: every change of the function
 * publishes a new version and CodeDeploy shifts the alias to it with the chosen configuration,
 * invoking the hooks and rolling back on alarms. Provisioned concurrency and its auto-scaling stay on
 * the alias throughout (Lambda splits provisioned concurrency by the routing weights while traffic shifts).
 */
export class FunctionDeployment extends Construct {
  /**
   * The deployment of a ServerlessFunction, whose deployment options it already checked: only the
   * checks that need the function run here.
   *
   * @internal
   */
  public static _checked(scope: Construct, id: string, props: FunctionDeploymentProps): FunctionDeployment {
    CHECKED.add(props);
    return new FunctionDeployment(scope, id, props);
  }

  /** The deployment group. */
  public readonly deploymentGroup: codedeploy.LambdaDeploymentGroup;

  /** The CodeDeploy service role (one customer-managed policy, no AWS managed policy). */
  public readonly role: iam.IRole;

  /** The alarms that roll a deployment back. */
  public readonly rollbackAlarms: cloudwatch.IAlarm[];

  constructor(scope: Construct, id: string, props: FunctionDeploymentProps) {
    super(scope, id);
    const guard = ConstructionGuard.forConstructor(this);
    try {
      validateHooks(this, props, !CHECKED.delete(props));
      const rollbackOnAlarms = props.rollbackOnAlarms ?? true;
      this.rollbackAlarms = rollbackOnAlarms ? [...(props.functionAlarms ?? []), ...(props.rollbackAlarms ?? [])] : [];
      if (rollbackOnAlarms && this.rollbackAlarms.length === 0) {
        Annotations.of(this).addWarningV2(AnnotationIds.NO_ROLLBACK_ALARMS,
          'rollbackOnAlarms is on but there is no alarm to roll back on (the errors and duration alarms are off and no rollbackAlarms were given): ' +
        'a bad version will receive all traffic. Enable alarms.errors or pass rollbackAlarms.');
      }
      const role = this.role = this.createRole(scope, props);
      this.deploymentGroup = new codedeploy.LambdaDeploymentGroup(this, 'DeploymentGroup', {
        alias: props.alias,
        application: props.application,
        deploymentConfig: props.config ?? codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
        role,
        alarms: this.rollbackAlarms,
        autoRollback: {
          failedDeployment: true,
          stoppedDeployment: true,
          deploymentInAlarm: this.rollbackAlarms.length > 0,
        },
      });
      // No dependency of the group on the role's policy: the hooks' grants reference the group, and the
      // policy references the hooks (a cycle). CodeDeploy only uses the role when a deployment runs,
      // which is always a later stack update.
      this.wireHooks(role, props);
    } catch (error) {
      throw guard.fail(error);
    }
  }

  /**
   * The CodeDeploy service role. aws-cdk-lib attaches the AWS managed policy
   * AWSCodeDeployRoleForLambdaLimited (AwsSolutions-IAM4; its `Resource: *` would also fail IAM5) to the
   * role it is given: this role refuses it and holds scoped statements for the function, its alarms
   * and its hooks instead.
   */
  private createRole(scope: Construct, props: FunctionDeploymentProps): ManagedPolicyRole {
    const role = new ManagedPolicyRole(this, 'ServiceRole', {
      service: 'codedeploy.amazonaws.com',
      description: `CodeDeploy deployments of ${scope.node.path}`,
      policyDescription: `What CodeDeploy needs to shift traffic of ${scope.node.path}`,
      refuseAwsManagedPolicies: true,
    });
    // Exactly what AWSCodeDeployRoleForLambdaLimited grants for a Lambda deployment, scoped to this
    // function's `live` alias (built from the name, so there is no dependency cycle with the alias).
    const fnArn = props.function.functionArn;
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: 'ShiftAliasTraffic',
      actions: ['lambda:GetAlias', 'lambda:UpdateAlias', 'lambda:GetProvisionedConcurrencyConfig'],
      resources: [fnArn, `${fnArn}:${props.alias.aliasName}`],
    }));
    if (this.rollbackAlarms.length > 0) {
      role.addToPrincipalPolicy(new iam.PolicyStatement({
        sid: 'ReadRollbackAlarms',
        actions: ['cloudwatch:DescribeAlarms'],
        resources: this.rollbackAlarms.map((a) => a.alarmArn),
      }));
    }
    return role;
  }

  /**
   * The hooks are wired here rather than with addPreHook/addPostHook, whose grantInvoke would also
   * allow `<hook>:*` (AwsSolutions-IAM5): CodeDeploy invokes the hook by its unqualified name.
   */
  private wireHooks(role: ManagedPolicyRole, props: FunctionDeploymentProps): void {
    const pre = props.preTrafficHook;
    const post = props.postTrafficHook;
    const hooks = [pre, post].filter((h): h is lambda.IFunction => h !== undefined);
    if (hooks.length === 0) {
      return;
    }
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: 'InvokeLifecycleHooks',
      actions: ['lambda:InvokeFunction'],
      resources: [...new Set(hooks.map((h) => h.functionArn))],
    }));
    for (const hook of hooks) {
      if (hook.role === undefined) {
        Annotations.of(this).addWarningV2(AnnotationIds.HOOK_WITHOUT_ROLE,
          `The hook ${hook.node.path} has no role in this app, so it could not be granted codedeploy:PutLifecycleEventHookExecutionStatus; grant it yourself or the deployment will time out.`);
      }
      this.deploymentGroup.grantPutLifecycleEventHookExecutionStatus(hook);
    }
    const aliasResource = props.alias.node.defaultChild as CfnResource;
    aliasResource.cfnOptions.updatePolicy = {
      codeDeployLambdaAliasUpdate: {
        ...aliasResource.cfnOptions.updatePolicy?.codeDeployLambdaAliasUpdate!,
        beforeAllowTrafficHook: pre?.functionName,
        afterAllowTrafficHook: post?.functionName,
      },
    };
  }
}

/** The props of FunctionDeployment a ServerlessFunction checked, until the constructor reads them. */
const CHECKED = new WeakSet<FunctionDeploymentProps>();

/**
 * The checks of a deployment: its types and options (unless its ServerlessFunction checked them) and
 * what needs the function (a hook cannot be the function itself).
 */
function validateHooks(scope: Construct, props: FunctionDeploymentProps, checkOptions: boolean): void {
  const v = new Validator(scope);
  const shape = { ...DEPLOYMENT_OPTIONS_SHAPE, 'function!': 'construct', 'alias!': 'construct', 'functionAlarms': { arrayOf: 'construct' } } as const;
  if (checkOptions && !checkShape(v, '', props, shape)) {
    v.throwIfAny();
  }
  for (const [property, hook] of [['deployment.preTrafficHook', props.preTrafficHook], ['deployment.postTrafficHook', props.postTrafficHook]] as const) {
    // The function itself may arrive as its inner lambda.Function, its alias or the ServerlessFunction.
    const isTarget = hook !== undefined && (hook === props.function || hook === props.alias || hook === props.alias.node.scope);
    v.failIf(isTarget, {
      code: ErrorCodes.LBP_DEPLOYMENT_HOOK_SELF,
      property,
      value: hook?.node.path ?? '',
      limit: 'a traffic hook tests the new version from outside; the function being deployed cannot be its own hook',
      fix: `pass a separate function (e.g. another ServerlessFunction, invoked through its live alias) as ${property}`,
    });
  }
  if (checkOptions) {
    validateDeploymentOptions(v, 'deployment', props, { scope, functionAlarmCount: props.functionAlarms?.length ?? 0 });
  }
  v.throwIfAny();
}
