import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * The CodeDeploy service role of one function's deployment group. aws-cdk-lib attaches the AWS
 * managed policy `AWSCodeDeployRoleForLambdaLimited` (AwsSolutions-IAM4; its `Resource: *` would also
 * fail IAM5) to the role it is given; this role refuses AWS managed policies and keeps every
 * statement in one customer-managed policy (no inline policy), scoped to the function, its alarms and
 * its hooks.
 *
 * @internal
 */
export class DeploymentRole extends iam.Role {
  /** The one policy holding every statement of this role. */
  public readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, subject: string) {
    super(scope, id, {
      assumedBy: new iam.ServicePrincipal('codedeploy.amazonaws.com'),
      description: `CodeDeploy deployments of ${subject}`,
    });
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      description: `What CodeDeploy needs to shift traffic of ${subject}`,
      roles: [this],
    });
  }

  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    this.policy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.policy };
  }

  /** Refuses AWS managed policies (their statements are replaced by scoped ones); keeps customer-managed ones. */
  public addManagedPolicy(policy: iam.IManagedPolicy): void {
    const arn = JSON.stringify(Stack.of(this).resolve(policy.managedPolicyArn));
    if (arn.includes(':iam::aws:policy/')) {
      return;
    }
    super.addManagedPolicy(policy);
  }
}
