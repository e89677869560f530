import { Token } from 'aws-cdk-lib';

/**
 * The paths (as the user wrote them, e.g. `eventPattern.detail.state` or
 * `eventPattern.detail.size[0].numeric`) of every empty array in an event pattern, at any depth.
 * EventBridge refuses them: "the value of each field in an event pattern is an array containing one or
 * more values" (also for the operands of `anything-but`, `prefix` lists, `numeric` and `$or`).
 */
export function emptyArrayPaths(value: unknown, path: string): string[] {
  if (Token.isUnresolved(value)) {
    return [];
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? [path] : value.flatMap((item, i) => emptyArrayPaths(item, `${path}[${i}]`));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => emptyArrayPaths(item, /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`));
  }
  return [];
}
