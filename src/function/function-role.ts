import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * An execution role whose every grant lands in one customer-managed policy: no AWS managed policy
 * (AwsSolutions-IAM4) and no inline policy (HIPAA/NIST/PCI IAMNoInlinePolicy). aws-cdk-lib's grants
 * (event sources, destinations, X-Ray, dead-letter queue, ...) all call `addToPrincipalPolicy`, so
 * they land there too, and the function depends on the policy, so it exists before the function.
 *
 * @internal
 */
export class FunctionRole extends iam.Role {
  /** The one policy holding every statement of this role. */
  public readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, description: string) {
    super(scope, id, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description,
    });
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      description: `Every permission of ${description}`,
      roles: [this],
    });
  }

  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    this.policy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.policy };
  }
}
