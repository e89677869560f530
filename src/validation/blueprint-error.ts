import { IConstruct } from 'constructs';

/**
 * One problem found while validating a construct's configuration.
 * @internal
 */
export interface Problem {
  /** Stable code, e.g. `LBP_MEMORY_SIZE`. Listed in the README; never reused for another rule. */
  readonly code: string;
  /** The property that holds the offending value, e.g. `memorySize`. */
  readonly property: string;
  /** The offending value, as the user wrote it. */
  readonly value: string;
  /** The limit or rule the value breaks. */
  readonly limit: string;
  /** What to do instead. */
  readonly fix: string;
}

/**
 * The one error type this library throws for configurations AWS would reject (or the design calls
 * unsafe). Its message names the construct path, the property, the value, the limit and the fix, so
 * a failing `cdk synth` reads like advice. It is not part of the jsii API (jsii cannot export Error
 * subclasses); Python and Java users see the same message.
 *
 * @internal
 */
export class BlueprintValidationError extends Error {
  private static format(path: string, problems: Problem[]): string {
    const lines = problems.map(
      (p) => `[${p.code}] ${path}: ${p.property} is ${p.value}; ${p.limit}. Fix: ${p.fix}`,
    );
    return problems.length === 1
      ? lines[0]
      : `${problems.length} problems in ${path}:\n  ${lines.join('\n  ')}`;
  }
  /** The stable code of the first problem (every problem's code is in the message). */
  public readonly code: string;
  /** The construct path, e.g. `MyStack/Orders`. */
  public readonly constructPath: string;
  /** Every problem found, in the order found. */
  public readonly problems: Problem[];

  constructor(scope: IConstruct, problems: Problem[]) {
    const constructPath = scope.node.path;
    super(BlueprintValidationError.format(constructPath, problems));
    this.name = 'BlueprintValidationError';
    this.code = problems[0].code;
    this.constructPath = constructPath;
    this.problems = problems;
    Object.setPrototypeOf(this, BlueprintValidationError.prototype);
  }


}
