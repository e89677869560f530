import * as kms from 'aws-cdk-lib/aws-kms';
import { IConstruct } from 'constructs';
import { blueprintKey } from '../../encryption/blueprint-key';

/**
 * The key that encrypts an event source mapping's filter criteria: the stack's BlueprintKey when the
 * mapping has filters, undefined without (Lambda encrypts nothing then, and aws-cdk-lib refuses a key
 * without filters). Give the result to `lambda.EventSourceMapping`'s `filterEncryption`: aws-cdk-lib
 * adds the key-policy statement Lambda needs (`kms:Decrypt` for `lambda.amazonaws.com`), and the
 * deploying role decrypts through the key's account statement. Filters name fields and values of the
 * events (order ids, customer types), which ListEventSourceMappings would otherwise show in plain text.
 *
 * @internal
 */
export function filterEncryptionKey(scope: IConstruct, filters: ReadonlyArray<{ [key: string]: any }> | undefined): kms.IKey | undefined {
  return filters !== undefined && filters.length > 0 ? blueprintKey(scope) : undefined;
}
