import { Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { FunctionCode, ServerlessFunction, ServerlessFunctionOptions } from '../../src';
import { HANDLER_DIR, testStack } from '../helpers/template';

/** A ServerlessFunction with the test handler. */
export function testFunction(stack: Stack, options: ServerlessFunctionOptions = {}, id = 'Fn'): ServerlessFunction {
  return new ServerlessFunction(stack, id, { code: FunctionCode.fromAsset(HANDLER_DIR), ...options });
}

/** How a template refers to the function's `live` alias by name (ESMs and subscriptions). */
export const LIVE_ALIAS_NAME_REF = { 'Fn::Join': ['', [Match.anyValue(), ':live']] };

/**
 * A bucket hardened the way the packs want (the user's source in trigger tests, not the trigger's):
 * KMS, versioned, private, TLS-only and access-logged; replication is the user's choice.
 */
export function hardenedBucket(stack: Stack, id = 'Bucket'): s3.Bucket {
  const logs = new s3.Bucket(stack, `${id}Logs`, {
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    versioned: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
  });
  const bucket = new s3.Bucket(stack, id, {
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: new kms.Key(stack, `${id}Key`, { enableKeyRotation: true }),
    enforceSSL: true,
    versioned: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    serverAccessLogsBucket: logs,
  });
  const packs = ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'];
  for (const b of [logs, bucket]) {
    for (const pack of packs) {
      Validations.of(b).acknowledge({ id: `${pack}-S3BucketReplicationEnabled`, reason: 'test fixture: replication is the user\'s choice' });
    }
  }
  for (const pack of packs) {
    Validations.of(logs).acknowledge({ id: `${pack}-S3DefaultEncryptionKMS`, reason: 'test fixture: S3 log delivery needs SSE-S3' });
  }
  return bucket;
}

/** A KMS-encrypted, TLS-only topic (the user's source in trigger tests). */
export function hardenedTopic(stack: Stack, id = 'Topic', fifo = false): sns.Topic {
  return new sns.Topic(stack, id, {
    masterKey: new kms.Key(stack, `${id}Key`, { enableKeyRotation: true }), enforceSSL: true, fifo: fifo || undefined,
  });
}

/** A stack with one ServerlessFunction named `Fn`. */
export function functionStack(options: ServerlessFunctionOptions = {}): { stack: Stack; fn: ServerlessFunction } {
  const stack = testStack();
  const fn = new ServerlessFunction(stack, 'Fn', { ...options, code: FunctionCode.fromAsset(HANDLER_DIR) });
  return { stack, fn };
}

/** The logical id of the resource at `path` (construct path below the stack). */
export function logicalId(stack: Stack, path: string): string {
  const child = stack.node.findChild(path.split('/')[0]);
  let node = child;
  for (const part of path.split('/').slice(1)) {
    node = node.node.findChild(part);
  }
  const cfn = (node.node.defaultChild ?? node) as any;
  return stack.resolve(cfn.logicalId);
}

/** The template of a stack. */
export function template(stack: Stack): Template {
  return Template.fromStack(stack);
}
