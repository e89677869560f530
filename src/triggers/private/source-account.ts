import { AspectPriority, Aspects, IAspect, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';

/** The service principal whose invoke permissions the API triggers create. */
const API_GATEWAY = 'apigateway.amazonaws.com';

/**
 * Gives every API Gateway invoke permission under `scope` a `SourceAccount` (the stack's account), as
 * AWS Control Tower's CT.LAMBDA.PR.2 requires of permissions for a service principal: aws-cdk-lib's
 * integrations give them a `SourceArn` built with `Fn::Join` (the API's execute-api ARN), which the
 * control cannot resolve. An Aspect, because the integrations create permissions as routes are added.
 *
 * @internal
 */
export function requireSourceAccount(scope: IConstruct): void {
  Aspects.of(scope).add(new ApiPermissionSourceAccount(), { priority: AspectPriority.MUTATING });
}

class ApiPermissionSourceAccount implements IAspect {
  public visit(node: IConstruct): void {
    if (node instanceof lambda.CfnPermission && node.principal === API_GATEWAY && node.sourceAccount === undefined) {
      node.sourceAccount = Stack.of(node).account;
    }
  }
}
