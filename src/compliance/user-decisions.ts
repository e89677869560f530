import { Annotations, AspectPriority, Aspects, CfnResource, IAspect, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';
import { ComplianceCodes } from './error-codes';
import { skipExternalChecks } from './external-validators';
import { writeNagV2Suppressions } from '../validation/nag-v2-suppressions';
import { Validator } from '../validation/validator';

/**
 * Decisions only you can make, each with your reason. A decision you give acknowledges the matching
 * findings of the cdk-nag packs (mostly the regulatory HIPAA Security, NIST 800-53 rev 5 and PCI DSS 3.2.1) for a
 * whole scope, with your reason; a decision you leave out is reported like any other finding. The
 * library never makes these decisions for you.
 */
export interface UserDecisions {
  /**
   * Why the functions of the scope run outside a VPC. Acknowledges `LambdaInsideVPC` (HIPAA, NIST,
   * PCI) and checkov's CKV_AWS_117 on functions without a VPC.
   *
   * @default - not acknowledged: each function outside a VPC is reported
   */
  readonly noVpc?: string;

  /**
   * Why the functions of the scope have no reserved concurrency. Acknowledges `LambdaConcurrency`
   * (HIPAA, NIST) and checkov's CKV_AWS_115 on functions without one.
   *
   * @default - not acknowledged: each function without reserved concurrency is reported
   */
  readonly noReservedConcurrency?: string;

  /**
   * Why the buckets of the scope are not replicated to another Region or account. Acknowledges
   * `S3BucketReplicationEnabled` (HIPAA, NIST, PCI).
   *
   * @default - not acknowledged: each bucket without replication is reported
   */
  readonly noBucketReplication?: string;

  /**
   * Why the tables of the scope are in no AWS Backup plan (for example: an organization-wide backup
   * policy selects them by tag, or point-in-time recovery is enough). Acknowledges
   * `DynamoDBInBackupPlan` (HIPAA, NIST).
   *
   * @default - not acknowledged: each table outside a backup plan is reported
   */
  readonly noBackupPlan?: string;

  /**
   * Why the REST API stages of the scope have no AWS WAF web ACL. Acknowledges `AwsSolutions-APIG3`
   * and `APIGWAssociatedWithWAF` (NIST, PCI) on stages without one (`Trigger.restApi` without
   * `webAclArn`): a web ACL's rules and monthly cost are your application's decision.
   *
   * @default - not acknowledged: each REST API stage without a web ACL is reported
   */
  readonly noWebAcl?: string;

  /**
   * Why the REST API stages of the scope have no (encrypted) response cache. Acknowledges
   * `APIGWCacheEnabledAndEncrypted` (HIPAA, NIST, PCI) and checkov's CKV_AWS_120: a cache is a cluster
   * billed by the hour that serves cached responses to other callers, so only you can decide it is safe.
   *
   * @default - not acknowledged: each REST API stage without a cache is reported
   */
  readonly noApiCache?: string;
}

interface DecisionSpec {
  readonly property: keyof UserDecisions;
  readonly what: string;
  readonly ids: string[];
}

/** Which findings each decision covers. @internal */
export const USER_DECISION_FINDINGS: readonly DecisionSpec[] = [
  {
    property: 'noVpc',
    what: 'functions outside a VPC',
    ids: ['HIPAA.Security-LambdaInsideVPC', 'NIST.800.53.R5-LambdaInsideVPC', 'PCI.DSS.321-LambdaInsideVPC'],
  },
  {
    property: 'noReservedConcurrency',
    what: 'functions without reserved concurrency',
    ids: ['HIPAA.Security-LambdaConcurrency', 'NIST.800.53.R5-LambdaConcurrency'],
  },
  {
    property: 'noBucketReplication',
    what: 'buckets without cross-Region or cross-account replication',
    ids: ['HIPAA.Security-S3BucketReplicationEnabled', 'NIST.800.53.R5-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled'],
  },
  {
    property: 'noBackupPlan',
    what: 'tables in no AWS Backup plan',
    ids: ['HIPAA.Security-DynamoDBInBackupPlan', 'NIST.800.53.R5-DynamoDBInBackupPlan'],
  },
  {
    property: 'noWebAcl',
    what: 'REST API stages without a web ACL',
    ids: ['AwsSolutions-APIG3', 'NIST.800.53.R5-APIGWAssociatedWithWAF', 'PCI.DSS.321-APIGWAssociatedWithWAF'],
  },
  {
    property: 'noApiCache',
    what: 'REST API stages without a response cache',
    ids: ['HIPAA.Security-APIGWCacheEnabledAndEncrypted', 'NIST.800.53.R5-APIGWCacheEnabledAndEncrypted', 'PCI.DSS.321-APIGWCacheEnabledAndEncrypted'],
  },
];

/**
 * Acknowledges the given decisions on `scope` (and so on everything under it), each with the user's
 * reason, writes the matching checkov skips at synth and adds an info annotation listing them.
 *
 * @internal
 */
export function acknowledgeUserDecisions(scope: IConstruct, decisions: UserDecisions): void {
  const v = new Validator(scope);
  for (const spec of USER_DECISION_FINDINGS) {
    const reason = decisions[spec.property];
    v.failIf(reason !== undefined && reason.trim().length < 10, {
      code: ComplianceCodes.USER_DECISION_REASON,
      property: `userDecisions.${spec.property}`,
      value: `"${reason ?? ''}"`,
      limit: 'an acknowledgement needs a reason auditors can read (at least 10 characters)',
      fix: `say why the ${spec.what} are acceptable, or leave ${spec.property} unset to have them reported`,
    });
  }
  v.throwIfAny();

  const given: string[] = [];
  for (const spec of USER_DECISION_FINDINGS) {
    const reason = decisions[spec.property];
    if (reason === undefined) {
      continue;
    }
    for (const id of spec.ids) {
      Validations.of(scope).acknowledge({ id, reason: `User decision (${spec.property}): ${reason}` });
    }
    given.push(`${spec.property} (${spec.ids.join(', ')}): "${reason}"`);
  }
  if (given.length === 0) {
    return;
  }
  // cdk-nag 2 and template-only scanners read suppressions from each resource's metadata.
  // Before any cdk-nag 2 pack (an Aspect too) reads the metadata.
  Aspects.of(scope).add(new UserDecisionMetadata(decisions), { priority: AspectPriority.MUTATING });
  Annotations.of(scope).addInfo(
    `[${ComplianceCodes.USER_DECISIONS}] Acknowledged for ${scope.node.path || 'the app'} with your reasons: ${given.join('; ')}.`);
}

/**
 * Writes each decision, with the user's reason, into the metadata of every resource it applies to: the
 * `cdk_nag` suppressions cdk-nag 2 reads and the checkov skips, so both cdk-nag lines and template-only
 * scanners see the same decisions.
 */
class UserDecisionMetadata implements IAspect {
  constructor(private readonly decisions: UserDecisions) {}

  public visit(node: IConstruct): void {
    if (node instanceof lambda.CfnFunction) {
      if (node.vpcConfig === undefined) {
        this.write(node, 'noVpc', ['CKV_AWS_117']);
      }
      if (node.reservedConcurrentExecutions === undefined) {
        this.write(node, 'noReservedConcurrency', ['CKV_AWS_115']);
      }
    } else if (node instanceof s3.CfnBucket) {
      this.write(node, 'noBucketReplication', []);
    } else if (node instanceof dynamodb.CfnTable) {
      this.write(node, 'noBackupPlan', []);
    } else if (node instanceof apigateway.CfnStage) {
      this.write(node, 'noWebAcl', []);
      if (!node.cacheClusterEnabled) {
        this.write(node, 'noApiCache', ['CKV_AWS_120']);
      }
    }
  }

  private write(node: CfnResource, property: keyof UserDecisions, checkov: string[]): void {
    const reason = this.decisions[property];
    if (reason === undefined) {
      return;
    }
    const spec = USER_DECISION_FINDINGS.find((d) => d.property === property)!;
    const text = `User decision (${property}): ${reason}`;
    writeNagV2Suppressions(node, spec.ids, text);
    if (checkov.length > 0) {
      skipExternalChecks(node, { checkov }, text);
    }
  }
}
