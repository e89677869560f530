import { RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { IConstruct } from 'constructs';
import { allowLogsToUseKey, blueprintKey } from '../../encryption/blueprint-key';

/** The access-log settings the API triggers share (HTTP, REST and WebSocket). @internal */
export interface AccessLogOptions {
  readonly accessLogRetention?: logs.RetentionDays;
  readonly accessLogEncryptionKey?: kms.IKey;
  readonly accessLogRemovalPolicy?: RemovalPolicy;
}

/**
 * The props of an API's access-log group: one year (AWS Control Tower's CT.CLOUDWATCH.PR.2), encrypted with the given key or the stack's
 * blueprint key (which is told to let CloudWatch Logs use it), retained on removal unless told otherwise.
 *
 * @internal
 */
export function accessLogGroupProps(scope: IConstruct, opts: AccessLogOptions): logs.LogGroupProps {
  const key = opts.accessLogEncryptionKey ?? blueprintKey(scope);
  allowLogsToUseKey(key);
  return {
    retention: opts.accessLogRetention ?? logs.RetentionDays.ONE_YEAR,
    encryptionKey: key,
    removalPolicy: opts.accessLogRemovalPolicy ?? RemovalPolicy.RETAIN,
  };
}
