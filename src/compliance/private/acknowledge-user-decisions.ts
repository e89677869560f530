import { Annotations, AspectPriority, Aspects, CfnResource, IAspect, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
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
    given.push(`${spec.property} (${[...spec.ids, ...spec.controlTower].join(', ')}): "${reason}"`);
  }
  DECISIONS.set(scope, { ...DECISIONS.get(scope), ...definedOnly(decisions) });
  if (given.length === 0) {
    return;
  }
  // cdk-nag 2 and template-only scanners read suppressions from each resource's metadata.
  // Before any cdk-nag 2 pack (an Aspect too) reads the metadata.
  Aspects.of(scope).add(new UserDecisionMetadata(decisions), { priority: AspectPriority.MUTATING });
  Annotations.of(scope).addInfo(
    `[${ErrorCodes.USER_DECISIONS}] Acknowledged for ${scope.node.path || 'the app'} with your reasons: ${given.join('; ')}.`);
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
