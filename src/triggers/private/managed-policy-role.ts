import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * A service role whose every statement lands in one customer-managed policy (no inline policy, which
 * HIPAA/NIST/PCI IAMNoInlinePolicy flag; no AWS managed policy, which AwsSolutions-IAM4 flags). The
 * trust policy is limited to this account with `aws:SourceAccount` (confused-deputy protection).
 *
 * @internal
 */
export class ManagedPolicyRole extends iam.Role {
  /** The one policy holding every statement of this role. */
  public readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, servicePrincipal: string, account: string, description: string) {
    super(scope, id, {
      assumedBy: new iam.ServicePrincipal(servicePrincipal, {
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
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
