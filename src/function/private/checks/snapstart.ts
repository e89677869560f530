import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ErrorCodes } from '../../../validation/error-codes';
import { Validator } from '../../../validation/validator';
import { ServerlessFunctionOptions, ServerlessFunctionProps } from '../../serverless-function-props';
import { IMAGE_SNAPSTART_CDK_VERSION, installedCdkAcceptsImageSnapStart, installedCdkVersion } from '../image-snapstart';
import { CodeFacts, FunctionOptionSettings } from './settings';

/** What the SnapStart check of the code looks at. @internal */
export interface SnapStartCodeSettings {
  readonly runtime: lambda.Runtime | undefined;
  readonly code: CodeFacts;
}

const SNAPSTART_PAGE = 'see https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html';

/**
 * Where Lambda refuses SnapStart for the code or runtime (https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html).
 *
 * @internal
 */
export function validateSnapStartCode(v: Validator, props: ServerlessFunctionProps, s: SnapStartCodeSettings): void {
  if (props.snapStart !== true) {
    return;
  }
  if (s.code.isImage) {
    // AWS supports SnapStart on container images since July 2026; aws-cdk-lib lets it through from 2.267.
    v.failIf(!installedCdkAcceptsImageSnapStart(), {
      code: ErrorCodes.LBP_SNAPSTART_IMAGE,
      property: 'snapStart',
      value: `true on a container-image function with aws-cdk-lib ${installedCdkVersion()}`,
      limit: `Lambda supports SnapStart on container images, but this aws-cdk-lib refuses it; aws-cdk-lib ${IMAGE_SNAPSTART_CDK_VERSION} or newer accepts it (${SNAPSTART_PAGE})`,
      fix: `upgrade aws-cdk-lib to ${IMAGE_SNAPSTART_CDK_VERSION} or newer, deploy the code as a zip (FunctionCode.fromAsset / fromPythonProject) on a supported runtime, or remove snapStart`,
    });
  } else if (s.runtime && !s.runtime.supportsSnapStart) {
    v.fail({
      code: ErrorCodes.LBP_SNAPSTART_RUNTIME,
      property: 'snapStart',
      value: `true on ${s.runtime.name}`,
      limit: `SnapStart supports the Java 11+, Python 3.12+ and .NET 8+ managed runtimes only (${SNAPSTART_PAGE})`,
      fix: 'set runtime to one of them (e.g. Runtime.JAVA_21 or LatestRuntime.PYTHON), or remove snapStart (provisioned concurrency also removes cold starts)',
    });
  }
}

/**
 * Where Lambda refuses SnapStart together with other settings.
 *
 * @internal
 */
export function validateSnapStartOptions(v: Validator, props: ServerlessFunctionOptions, s: FunctionOptionSettings): void {
  if (props.snapStart !== true) {
    return;
  }
  if (props.provisionedConcurrency) {
    v.fail({
      code: ErrorCodes.LBP_SNAPSTART_PROVISIONED_CONCURRENCY,
      property: 'snapStart',
      value: 'true with provisionedConcurrency',
      limit: `Lambda does not support SnapStart together with provisioned concurrency (${SNAPSTART_PAGE})`,
      fix: 'choose one: remove provisionedConcurrency, or remove snapStart',
    });
  }
  if (s.ephemeralStorageMb !== undefined && s.ephemeralStorageMb > 512) {
    v.fail({
      code: ErrorCodes.LBP_SNAPSTART_EPHEMERAL_STORAGE,
      property: 'snapStart',
      value: `true with ephemeralStorageSize ${s.ephemeralStorageMb} MB`,
      limit: `SnapStart supports at most 512 MB of ephemeral storage (${SNAPSTART_PAGE})`,
      fix: 'set ephemeralStorageSize to Size.mebibytes(512) (the default), or remove snapStart',
    });
  }
}
