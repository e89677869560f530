import { Annotations, AspectPriority, Aspects, CfnResource, IAspect, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';
import { USER_DECISION_FINDINGS } from './user-decision-findings';
import { skipExternalChecks } from '../../acknowledgements/external-validators';
import { writeNagV2Suppressions } from '../../acknowledgements/nag-v2-suppressions';
import { AnnotationIds } from '../../validation/annotation-ids';
import { ErrorCodes } from '../../validation/error-codes';
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
      code: ErrorCodes.LBP_USER_DECISION_REASON,
      property: `userDecisions.${spec.property}`,
      value: `"${reason ?? ''}"`,
      limit: 'an acknowledgement needs a reason auditors can read (at least 10 characters)',
      fix: `say why the ${spec.what} are acceptable, or leave ${spec.property} unset to have them reported`,
    });
  }
  v.throwIfAny();

  const acknowledged: Array<{ id: string; reason: string }> = [];
  const given: string[] = [];
  for (const spec of USER_DECISION_FINDINGS) {
    const reason = decisions[spec.property];
    if (reason === undefined) {
      continue;
    }
    for (const id of spec.ids) {
      acknowledged.push({ id, reason: `User decision (${spec.property}): ${reason}` });
    }
    given.push(`${spec.property} (${[...spec.ids, ...spec.controlTower].join(', ')}): "${reason}"`);
  }
  DECISIONS.set(scope, { ...DECISIONS.get(scope), ...definedOnly(decisions) });
  if (given.length === 0) {
    return;
  }
  Validations.of(scope).acknowledge(...acknowledged);
  const listed = (where: IConstruct) =>
    `Acknowledged for ${where.node.path || 'the app'} with your reasons: ${given.join('; ')}.`;
  // An App or a Stage is no part of any stack: what is recorded on it reaches no cloud assembly. Each
  // stack under it (created before or after this call) records the decisions as if given on it. The
  // aspects of a Stage do not reach the Stages inside it, which get their own.
  const stages = Stage.isStage(scope) ? [scope, ...scope.node.findAll().filter((c) => c !== scope && Stage.isStage(c))] : [scope];
  for (const stage of stages) {
    // cdk-nag 2 and template-only scanners read suppressions from each resource's metadata.
    // Before any cdk-nag 2 pack (an Aspect too) reads the metadata.
    Aspects.of(stage).add(new UserDecisionMetadata(decisions), { priority: AspectPriority.MUTATING });
    if (Stage.isStage(scope)) {
      Aspects.of(stage).add(new StackDecisions(acknowledged, listed), { priority: AspectPriority.MUTATING });
    }
  }
  if (!Stage.isStage(scope)) {
    Annotations.of(scope).addInfoV2(AnnotationIds.USER_DECISIONS, listed(scope));
  }
}

/** Records the decisions given on an App or a Stage on each top-level stack under it, at synth. */
class StackDecisions implements IAspect {
  constructor(
    private readonly acknowledged: Array<{ id: string; reason: string }>,
    private readonly listed: (where: IConstruct) => string) {}

  public visit(node: IConstruct): void {
    // A nested stack is covered through its parent stack, as with a Stack scope.
    if (Stack.isStack(node) && !node.nestedStackParent) {
      Validations.of(node).acknowledge(...this.acknowledged);
      Annotations.of(node).addInfoV2(AnnotationIds.USER_DECISIONS, this.listed(node));
    }
  }
}

/** The decisions given on each scope (the Control Tower check reads them: it has no acknowledgements). */
const DECISIONS = new WeakMap<IConstruct, UserDecisions>();

/**
 * The user decisions that cover `construct`: those given on it and on every scope above it.
 *
 * @internal
 */
export function userDecisionsCovering(construct: IConstruct): UserDecisions {
  let merged: UserDecisions = {};
  for (const scope of construct.node.scopes) {
    merged = { ...merged, ...DECISIONS.get(scope) };
  }
  return merged;
}

function definedOnly(decisions: UserDecisions): UserDecisions {
  return Object.fromEntries(Object.entries(decisions).filter(([, reason]) => reason !== undefined));
}

/**
 * Writes each decision, with the user's reason, into the metadata of every resource it applies to: the
 * `cdk_nag` suppressions cdk-nag 2 reads and the checkov skips, so both cdk-nag lines and template-only
 * scanners see the same decisions.
 */
/** The findings of a decision that spans kinds (noWebAcl) that belong to CloudFront distributions. */
function isDistributionFinding(id: string): boolean {
  return id.startsWith('AwsSolutions-CFR') || id === 'CKV_AWS_68';
}

class UserDecisionMetadata implements IAspect {
  constructor(private readonly decisions: UserDecisions) {}

  public visit(node: IConstruct): void {
    if (node instanceof lambda.CfnFunction) {
      if (node.vpcConfig === undefined) {
        this.write(node, 'noVpc');
      }
      if (node.reservedConcurrentExecutions === undefined) {
        this.write(node, 'noReservedConcurrency');
      }
    } else if (node instanceof s3.CfnBucket) {
      this.write(node, 'noBucketReplication');
    } else if (node instanceof dynamodb.CfnTable) {
      this.write(node, 'noBackupPlan');
    } else if (node instanceof apigateway.CfnStage) {
      this.write(node, 'noWebAcl', (id) => !isDistributionFinding(id));
      if (!node.cacheClusterEnabled) {
        this.write(node, 'noApiCache');
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
      this.write(node, 'noWebAcl', isDistributionFinding);
    }
    if ((config.restrictions?.geoRestriction?.restrictionType ?? 'none') === 'none') {
      this.write(node, 'noGeoRestriction');
    }
    if (config.logging === undefined) {
      this.write(node, 'noDistributionLogging');
    }
    if (config.viewerCertificate?.acmCertificateArn === undefined && config.viewerCertificate?.iamCertificateId === undefined) {
      this.write(node, 'noCustomCertificate');
    }
  }

  /** `applies`: which of the decision's finding ids (cdk-nag and checkov) fit this kind of resource (a decision spanning kinds). */
  private write(node: CfnResource, property: keyof UserDecisions, applies: (id: string) => boolean = () => true): void {
    const reason = this.decisions[property];
    if (reason === undefined) {
      return;
    }
    const spec = USER_DECISION_FINDINGS.find((d) => d.property === property)!;
    const text = `User decision (${property}): ${reason}`;
    const ids = spec.ids.filter(applies);
    if (ids.length > 0) {
      writeNagV2Suppressions(node, ids, text);
    }
    const checkov = spec.checkov.filter(applies);
    if (checkov.length > 0) {
      skipExternalChecks(node, { checkov }, text);
    }
  }
}
