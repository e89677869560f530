import * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * Runs `body` as if a newer aws-cdk-lib listed one more runtime (e.g. 2.278's nodejs26.x): Runtime's constructor
 * adds it to `Runtime.ALL`, and it is taken out again afterwards, whatever `body` does.
 */
export function withNewerRuntime(name: string, family: lambda.RuntimeFamily, body: () => void): void {
  new lambda.Runtime(name, family, { supportsInlineCode: true });
  try {
    body();
  } finally {
    lambda.Runtime.ALL.splice(lambda.Runtime.ALL.findIndex((r) => r.name === name), 1);
  }
}
