import { App, Stack } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * The first aws-cdk-lib that accepts SnapStart on a container-image function (aws/aws-cdk#38680: its
 * `lambda.Function` skips the runtime check for `Runtime.FROM_IMAGE`; an earlier try was reverted in 2.262).
 */
export const IMAGE_SNAPSTART_CDK_VERSION = '2.267.0';

let accepted: boolean | undefined;

/**
 * Whether the installed aws-cdk-lib's `lambda.Function` accepts SnapStart on a container image, found by
 * asking it once per process (a throwaway function in a throwaway app that is never synthesized), not by
 * comparing version numbers: what decides is what the installed `lambda.Function` does.
 */
export function installedCdkAcceptsImageSnapStart(): boolean {
  if (accepted === undefined) {
    const probe = new Stack(new App({ autoSynth: false }), 'ImageSnapStartProbe');
    try {
      new lambda.Function(probe, 'Function', {
        code: lambda.Code.fromEcrImage(ecr.Repository.fromRepositoryName(probe, 'Repository', 'probe')),
        handler: lambda.Handler.FROM_IMAGE,
        runtime: lambda.Runtime.FROM_IMAGE,
        snapStart: lambda.SnapStartConf.ON_PUBLISHED_VERSIONS,
      });
      accepted = true;
    } catch {
      accepted = false;
    }
  }
  return accepted;
}

/** The installed aws-cdk-lib's version, for messages. */
export function installedCdkVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('aws-cdk-lib/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
