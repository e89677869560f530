import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledge } from '../acknowledgements/acknowledge';
import { FunctionAcknowledgement } from '../acknowledgements/acknowledgements';
import { ManagedPolicyRole } from '../iam/managed-policy-role';
import { ErrorCodes } from '../validation/error-codes';

/** IAM's size limit for one managed policy document. @internal */
export const MANAGED_POLICY_MAX_CHARACTERS = 6144;

/**
 * The actions Lambda functions need that IAM only allows on `Resource: *` (no resource-level
 * permissions): X-Ray trace writes, the VPC network-interface actions and `dynamodb:ListStreams`.
 *
 * @internal
 */
export const RESOURCE_STAR_ONLY_ACTIONS: readonly string[] = [
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSubnets',
  'ec2:DescribeVpcs',
  'ec2:DescribeSecurityGroups',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
  'dynamodb:ListStreams',
];

/**
 * An execution role whose statements land in customer-managed policies only (a `ManagedPolicyRole`):
 * no AWS managed policy (AwsSolutions-IAM4) and no inline policy (HIPAA/NIST/PCI IAMNoInlinePolicy).
 * aws-cdk-lib's grants (event sources, destinations, X-Ray, dead-letter queue, ...) all call
 * `addToPrincipalPolicy`.
 *
 * Two policies, so that no acknowledgement ever covers what the user adds:
 * - `policy` holds every grant and every statement of the user (`initialPolicy`, `addToRolePolicy`,
 *   `table.grantReadData(fn)`, ...). It carries no acknowledgement: cdk-nag reports a user's `*`.
 * - `libraryPolicy` (created on first use) holds only statements whose every action is one of
 *   `RESOURCE_STAR_ONLY_ACTIONS` on `Resource: *` and nothing else; it alone carries the
 *   `AwsSolutions-IAM5[Resource::*]` acknowledgement, whose reason is then true by construction.
 *
 * @internal
 */
export class FunctionRole extends ManagedPolicyRole {
  private readonly description: string;
  private _libraryPolicy?: iam.ManagedPolicy;
  private readonly attachedShared = new Set<iam.ManagedPolicy>();

  constructor(scope: Construct, id: string, description: string) {
    super(scope, id, {
      service: 'lambda.amazonaws.com',
      description,
      policyDescription: `Every grant and statement of ${description}`,
    });
    this.description = description;
    // Grants keep arriving after construction (triggers, user code), so the size is checked at synth.
    this.policy.node.addValidation({ validate: () => validatePolicySize(this.policy) });
  }

  /**
   * The stack's shared X-Ray policy when this role has it (a traced function), else undefined.
   */
  public get xrayPolicy(): iam.ManagedPolicy | undefined {
    return [...this.attachedShared][0];
  }

  /**
   * The policy holding only the `Resource: *` statements IAM cannot scope for this role alone (VPC
   * network interfaces, `dynamodb:ListStreams`), or undefined while there is none. X-Ray's statement
   * is in the stack's shared `xrayPolicy`.
   */
  public get libraryPolicy(): iam.ManagedPolicy | undefined {
    return this._libraryPolicy;
  }

  public addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    if (isXRayWriteOnly(statement)) {
      // Every traced function needs the same two actions: one library-only policy per stack serves
      // every role there (one resource per stack instead of one per function).
      const shared = sharedXRayPolicy(Stack.of(this));
      if (!this.attachedShared.has(shared)) {
        this.attachedShared.add(shared);
        shared.attachToRole(this);
      }
      return { statementAdded: true, policyDependable: shared };
    }
    const resourceStar = isResourceStarOnly(statement);
    const target = resourceStar ? this.ensureLibraryPolicy() : this.policy;
    target.addStatements(statement);
    if (resourceStar && statement.actions.some((a) => a.startsWith('ec2:'))) {
      acknowledge(target, FunctionAcknowledgement.VPC_NETWORK_INTERFACES);
    }
    return { statementAdded: true, policyDependable: target };
  }

  private ensureLibraryPolicy(): iam.ManagedPolicy {
    if (!this._libraryPolicy) {
      this._libraryPolicy = new iam.ManagedPolicy(this, 'ResourceStarPolicy', {
        description: `The actions of ${this.description} that IAM only allows on Resource * (X-Ray, VPC network interfaces, dynamodb:ListStreams)`,
        roles: [this],
      });
      acknowledge(this._libraryPolicy, FunctionAcknowledgement.RESOURCE_STAR_ONLY_ACTIONS);
    }
    return this._libraryPolicy;
  }
}

/** The two X-Ray actions a traced function needs; IAM only allows them on `Resource: *`. */
const XRAY_WRITE_ACTIONS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];

/** Whether a statement only allows X-Ray trace writes on `*` (what `Tracing.ACTIVE` adds). */
function isXRayWriteOnly(s: iam.PolicyStatement): boolean {
  return isResourceStarOnly(s) && s.actions.every((a) => XRAY_WRITE_ACTIONS.includes(a));
}

/**
 * The stack's one library-only policy with the X-Ray trace-write statement, attached to every traced
 * function's role in that stack. It holds exactly that statement, so its acknowledgement covers nothing
 * else; a nested stack has its own (a policy can only name roles of its own template).
 */
function sharedXRayPolicy(stack: Stack): iam.ManagedPolicy {
  const id = 'BlueprintXRayWritePolicy';
  const existing = stack.node.tryFindChild(id);
  if (existing) {
    return existing as iam.ManagedPolicy;
  }
  const policy = new iam.ManagedPolicy(stack, id, {
    description: 'X-Ray trace writes of the traced functions of this stack (IAM only allows them on Resource *)',
    statements: [new iam.PolicyStatement({ actions: XRAY_WRITE_ACTIONS, resources: ['*'] })],
  });
  acknowledge(policy, FunctionAcknowledgement.RESOURCE_STAR_ONLY_ACTIONS);
  return policy;
}

/**
 * Whether a statement only allows actions that IAM cannot scope, on `*`, with nothing else that a
 * user could hide under the acknowledgement (no NotAction, NotResource, principal or condition).
 */
function isResourceStarOnly(s: iam.PolicyStatement): boolean {
  return s.effect === iam.Effect.ALLOW
    && s.actions.length > 0 && s.actions.every((a) => RESOURCE_STAR_ONLY_ACTIONS.includes(a))
    && s.resources.length === 1 && s.resources[0] === '*'
    && s.notActions.length === 0 && s.notResources.length === 0
    && !s.hasPrincipal && Object.keys(s.conditions ?? {}).length === 0;
}

/**
 * IAM limits a managed policy to 6,144 characters (whitespace not counted). Tokens are measured as
 * their CloudFormation form, which is an estimate of the deployed ARNs.
 */
function validatePolicySize(policy: iam.ManagedPolicy): string[] {
  const json = JSON.stringify(Stack.of(policy).resolve(policy.document.toJSON()) ?? {});
  const size = json.replace(/\s/g, '').length;
  if (size <= MANAGED_POLICY_MAX_CHARACTERS) {
    return [];
  }
  return [
    `[${ErrorCodes.LBP_POLICY_SIZE}] ${policy.node.path}: the execution role's policy is about ${size} characters; ` +
    `IAM allows at most ${MANAGED_POLICY_MAX_CHARACTERS} per managed policy. Fix: grant on fewer, broader-named ` +
    'resources (e.g. one grant per table prefix), or split the work across functions.',
  ];
}
