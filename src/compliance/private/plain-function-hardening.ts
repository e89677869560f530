import { Annotations, IAspect, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { acknowledge } from '../../acknowledgements/acknowledge';
import { FunctionAcknowledgement } from '../../acknowledgements/acknowledgements';
import { FailureQueue } from '../../destinations/failure-queue';
import { ServerlessFunction } from '../../function/serverless-function';
import { AnnotationIds } from '../../validation/annotation-ids';

/**
 * Hardens the plain `lambda.Function`s a user created without this library, where that is safe:
 *
 * - X-Ray active tracing (when tracing is unset), with the X-Ray permissions added to the role;
 * - a dead-letter queue for asynchronous invocations (a FailureQueue: 14 days, encrypted,
 *   TLS-only, alarmed) when the function has none, with `sqs:SendMessage` for the role.
 *
 * The permissions they need go into one customer-managed policy per function (never an inline
 * policy); its X-Ray `Resource: *` is acknowledged (AwsSolutions-IAM5) with the reason. Both need a role this app can change; with an imported role, nothing is changed and a warning says
 * why. What cannot be applied safely is reported as a warning instead: an owned log group (one named
 * `/aws/lambda/<name>` may already exist in the account, and creating it would fail the deployment).
 * Functions inside a ServerlessFunction are skipped (they are hardened already).
 *
 * @internal
 */
export class PlainFunctionHardening implements IAspect {
  public visit(node: IConstruct): void {
    if (!(node instanceof lambda.Function) || insideServerlessFunction(node)) {
      return;
    }
    const cfn = node.node.defaultChild as lambda.CfnFunction;
    const role = node.role instanceof iam.Role && Stack.of(node.role) === Stack.of(node) ? node.role : undefined;
    const needsTracing = cfn.tracingConfig === undefined;
    const needsDlq = cfn.deadLetterConfig === undefined;
    const applied: string[] = [];

    if ((needsTracing || needsDlq) && !role) {
      Annotations.of(node).addWarningV2(AnnotationIds.PLAIN_FUNCTION_IMMUTABLE_ROLE,
        `${node.node.path} has ${needsTracing ? 'no X-Ray tracing' : ''}${needsTracing && needsDlq ? ' and ' : ''}${needsDlq ? 'no dead-letter queue' : ''}, ` +
        'but its role is imported, so the library cannot add the permissions they need. Set `tracing: Tracing.ACTIVE` and `deadLetterQueue` yourself, or use ServerlessFunction.');
    } else if (role && (needsTracing || needsDlq)) {
      // The new permissions go into a customer-managed policy of their own: adding them to the
      // role's DefaultPolicy would create (or grow) an inline policy (HIPAA/NIST/PCI IAMNoInlinePolicy).
      const policy = new iam.ManagedPolicy(node, 'BlueprintHardeningPolicy', {
        description: `Permissions cdk-lambda-blueprints added to harden ${node.node.path}`,
        roles: [role],
      });
      cfn.node.addDependency(policy);
      if (needsTracing) {
        cfn.tracingConfig = { mode: lambda.Tracing.ACTIVE };
        policy.addStatements(new iam.PolicyStatement({
          sid: 'WriteXRayTraces',
          actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
          resources: ['*'],
        }));
        acknowledge(policy, FunctionAcknowledgement.HARDENING_XRAY_WILDCARD);
        applied.push('X-Ray active tracing');
      }
      if (needsDlq) {
        const sink = FailureQueue._checked(node, 'BlueprintDeadLetterQueue', {
          purpose: `asynchronous invocations of ${node.node.path}`,
        }, { namedAsDeadLetterQueue: true });
        cfn.deadLetterConfig = { targetArn: sink.queue.queueArn };
        policy.addStatements(new iam.PolicyStatement({
          sid: 'SendFailedEventsToDeadLetterQueue',
          actions: ['sqs:SendMessage'],
          resources: [sink.queue.queueArn],
        }));
        applied.push('a dead-letter queue (14 days, encrypted, alarmed)');
      }
    }
    if (applied.length > 0) {
      Annotations.of(node).addInfoV2(AnnotationIds.PLAIN_FUNCTION_HARDENED, `cdk-lambda-blueprints added ${applied.join(' and ')} to ${node.node.path}.`);
    }

    if (cfn.loggingConfig === undefined || (cfn.loggingConfig as lambda.CfnFunction.LoggingConfigProperty).logGroup === undefined) {
      Annotations.of(node).addWarningV2(AnnotationIds.PLAIN_FUNCTION_LOG_GROUP,
        `${node.node.path} logs to a log group Lambda creates on first use (no retention, no encryption). The library does not create ` +
        '`/aws/lambda/<name>` for you because a group of that name may already exist and would fail the deployment. Pass `logGroup` ' +
        '(with retention and a KMS key) or use ServerlessFunction.');
    }
  }
}

function insideServerlessFunction(node: IConstruct): boolean {
  return node.node.scopes.some((s) => s instanceof ServerlessFunction);
}
