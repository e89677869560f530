import { Duration } from 'aws-cdk-lib';

/**
 * A duration in (possibly fractional) seconds, or undefined when unset or an unresolved token.
 *
 * @internal
 */
export function seconds(d: Duration | undefined): number | undefined {
  if (d === undefined || d.isUnresolved()) {
    return undefined;
  }
  return d.toSeconds({ integral: false });
}

/** A duration for messages. @internal */
export function human(d: Duration): string {
  return d.isUnresolved() ? '(token)' : d.toHumanString();
}
