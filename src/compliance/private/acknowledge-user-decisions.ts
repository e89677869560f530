import { Annotations, AspectPriority, Aspects, CfnResource, IAspect, Stack, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';
import { USER_DECISION_FINDINGS } from './user-decision-findings';
import { ErrorCodes } from '../../validation/error-codes';
import { skipExternalChecks } from '../../validation/external-validators';
import { writeNagV2Suppressions } from '../../validation/nag-v2-suppressions';
import { placeNamed } from '../../validation/place';
import { Validator } from '../../validation/validator';
import { UserDecisions } from '../user-decisions';

/**
 * Acknowledges the given decisions on `scope` (and so on everything under it), each with the user's
 * reason, writes the matching checkov skips at synth and adds an info annotation listing them.
 *
 * @internal
 */
export function acknowledgeUserDecisions(scope: IConstruct, decisions: UserDecisions): void {
  // Named at the scope, which stays in the tree (a Validator on it would remove the user's stack).
  const v = new Validator(placeNamed(scope.node.path));
  for (const spec of USER_DECISION_FINDINGS) {
    const reason = decisions[spec.property];
    v.failIf(reason !== undefined && reason.trim().length < 10, {
      code: ErrorCodes.USER_DECISION_REASON,
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
    `[${ErrorCodes.USER_DECISIONS}] Acknowledged for ${scope.node.path || 'the app'} with your reasons: ${given.join('; ')}.`);
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
      this.write(node, 'noWebAcl', [], (id) => !id.startsWith('AwsSolutions-CFR'));
      if (!node.cacheClusterEnabled) {
        this.write(node, 'noApiCache', ['CKV_AWS_120']);
      }
    } else if (node instanceof cloudfront.CfnDistribution) {
      this.visitDistribution(node);
    }
  }

  /** Each CloudFront decision, on a distribution where its condition holds. */
  private visitDistribution(node: cloudfront.CfnDistribution): void {
    // The L1's own (camelCase) shape, as aws-cdk-lib's Distribution fills it.
    const config = (Stack.of(node).resolve(node.distributionConfig) ?? {}) as {
      webAclId?: unknown;
      logging?: unknown;
      restrictions?: { geoRestriction?: { restrictionType?: string } };
      viewerCertificate?: { acmCertificateArn?: unknown; iamCertificateId?: unknown };
    };
    if (config.webAclId === undefined) {
      this.write(node, 'noWebAcl', ['CKV_AWS_68'], (id) => id.startsWith('AwsSolutions-CFR'));
    }
    if ((config.restrictions?.geoRestriction?.restrictionType ?? 'none') === 'none') {
      this.write(node, 'noGeoRestriction', []);
    }
    if (config.logging === undefined) {
      this.write(node, 'noDistributionLogging', ['CKV_AWS_86']);
    }
    if (config.viewerCertificate?.acmCertificateArn === undefined && config.viewerCertificate?.iamCertificateId === undefined) {
      this.write(node, 'noCustomCertificate', ['CKV_AWS_174']);
    }
  }

  /** `only`: which of the decision's cdk-nag ids apply to this kind of resource (a decision spanning kinds). */
  private write(node: CfnResource, property: keyof UserDecisions, checkov: string[], only: (id: string) => boolean = () => true): void {
    const reason = this.decisions[property];
    if (reason === undefined) {
      return;
    }
    const spec = USER_DECISION_FINDINGS.find((d) => d.property === property)!;
    const text = `User decision (${property}): ${reason}`;
    const ids = spec.ids.filter(only);
    if (ids.length > 0) {
      writeNagV2Suppressions(node, ids, text);
    }
    if (checkov.length > 0) {
      skipExternalChecks(node, { checkov }, text);
    }
  }
}
