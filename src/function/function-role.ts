import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ErrorCodes } from '../validation/error-codes';

/** IAM's size limit for one managed policy document. @internal */
export const MANAGED_POLICY_MAX_CHARACTERS = 6144;

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
    // Grants keep arriving after construction (triggers, user code), so the size is checked at synth.
    this.policy.node.addValidation({ validate: () => this.validatePolicySize() });
  }

  /**
   * IAM limits a managed policy to 6,144 characters (whitespace not counted). Tokens are measured as
   * their CloudFormation form, which is an estimate of the deployed ARNs.
   */
  private validatePolicySize(): string[] {
    const json = JSON.stringify(Stack.of(this).resolve(this.policy.document.toJSON()) ?? {});
    const size = json.replace(/\s/g, '').length;
    if (size <= MANAGED_POLICY_MAX_CHARACTERS) {
      return [];
    }
    return [
      `[${ErrorCodes.POLICY_SIZE}] ${this.policy.node.path}: the execution role's policy is about ${size} characters; ` +
      `IAM allows at most ${MANAGED_POLICY_MAX_CHARACTERS} per managed policy. Fix: grant on fewer, broader-named ` +
      'resources (e.g. one grant per table prefix), or split the work across functions.',
    ];
  }

  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    this.policy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.policy };
  }
}
