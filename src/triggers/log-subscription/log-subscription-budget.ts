import { Stack, Token } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { IConstruct } from 'constructs';

/** CloudWatch Logs allows this many subscription filters per log group. */
export const SUBSCRIPTION_FILTERS_PER_LOG_GROUP = 2;

/** The filters added through the library, per app (construct tree root), per log group key. */
const filtersByApp = new WeakMap<IConstruct, Map<string, string[]>>();

/**
 * A key naming one log group across the app: the account, Region and name when the name is a plain
 * string (so two imports of the same group count together), otherwise the construct's path.
 *
 * @internal
 */
export function logGroupKey(logGroup: logs.ILogGroup): string {
  const name = logGroup.logGroupName;
  if (Token.isUnresolved(name)) {
    return `construct:${logGroup.node.path}`;
  }
  const stack = Stack.of(logGroup);
  const env = Token.isUnresolved(stack.account) || Token.isUnresolved(stack.region) ? 'env-agnostic' : `${stack.account}/${stack.region}`;
  return `name:${env}:${name}`;
}

/**
 * The paths of the subscription filters the library added to a log group so far, in this app.
 *
 * @internal
 */
export function subscriptionFilters(scope: IConstruct, key: string): string[] {
  return [...(filtersByApp.get(scope.node.root)?.get(key) ?? [])];
}

/**
 * Records one more subscription filter on a log group (after validation passed).
 *
 * @internal
 */
export function recordSubscriptionFilter(scope: IConstruct, key: string, path: string): void {
  const root = scope.node.root;
  let byKey = filtersByApp.get(root);
  if (!byKey) {
    byKey = new Map();
    filtersByApp.set(root, byKey);
  }
  byKey.set(key, [...(byKey.get(key) ?? []), path]);
}
