import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * How a `ManagedPolicyRole` is trusted and described.
 *
 * @internal
 */
export interface ManagedPolicyRoleProps {
  /** The service principal that assumes the role, e.g. `lambda.amazonaws.com`. */
  readonly service: string;

  /**
   * Limits the trust policy to this account with `aws:SourceAccount` (confused-deputy protection for
   * services that act on behalf of a resource, such as EventBridge Scheduler or AWS IoT).
   *
   * @default - no condition
   */
  readonly sourceAccount?: string;

  /** The role's description. */
  readonly description: string;

  /** The description of the role's one customer-managed policy. */
  readonly policyDescription: string;

  /**
   * Whether AWS managed policies attached by aws-cdk-lib are dropped (their statements are replaced
   * by scoped ones of `policy`); customer-managed policies are still attached.
   *
   * @default false
   */
  readonly refuseAwsManagedPolicies?: boolean;
}

/**
 * A role whose statements land in one customer-managed policy, `policy`: no inline policy (which
 * HIPAA/NIST/PCI IAMNoInlinePolicy flag) and, when asked, no AWS managed policy (which AwsSolutions-IAM4
 * flags). aws-cdk-lib's grants all call `addToPrincipalPolicy`, so they land there too. The policy
 * carries no acknowledgement of its own: what a caller acknowledges on it, it states for its own
 * statements only.
 *
 * The execution role of a function (`FunctionRole`), the CodeDeploy role of a deployment group and the
 * service roles of triggers (EventBridge Scheduler, AWS IoT, Firehose, API Gateway logging) are all one.
 *
 * @internal
 */
export class ManagedPolicyRole extends iam.Role {
  /** The policy holding the statements of this role. */
  public readonly policy: iam.ManagedPolicy;

  private readonly refuseAwsManagedPolicies: boolean;

  constructor(scope: Construct, id: string, props: ManagedPolicyRoleProps) {
    super(scope, id, {
      assumedBy: new iam.ServicePrincipal(props.service, props.sourceAccount === undefined ? undefined : {
        conditions: { StringEquals: { 'aws:SourceAccount': props.sourceAccount } },
      }),
      description: props.description,
    });
    this.refuseAwsManagedPolicies = props.refuseAwsManagedPolicies ?? false;
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      description: props.policyDescription,
      roles: [this],
    });
  }

  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    this.policy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.policy };
  }

  /** Attaches a managed policy, except an AWS managed one when `refuseAwsManagedPolicies` is set. */
  public addManagedPolicy(policy: iam.IManagedPolicy): void {
    if (this.refuseAwsManagedPolicies
      && JSON.stringify(Stack.of(this).resolve(policy.managedPolicyArn)).includes(':iam::aws:policy/')) {
      return;
    }
    super.addManagedPolicy(policy);
  }
}
