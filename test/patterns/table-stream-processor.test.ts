import { Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import { FunctionCode, TableStreamProcessor } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

const code = FunctionCode.fromAsset(HANDLER_DIR);
const partitionKey = { name: 'pk', type: dynamodb.AttributeType.STRING };

describe('TableStreamProcessor', () => {
  test('creates an on-demand, encrypted, PITR table with a NEW_AND_OLD_IMAGES stream', () => {
    const stack = testStack();
    const p = new TableStreamProcessor(stack, 'Orders', { code, partitionKey });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    t.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('OrdersTable'), 'StreamArn'] },
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    expect(p.function.triggers[0].readsStream).toBe(true);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('a customer-managed key is used and granted', () => {
    const stack = testStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    new TableStreamProcessor(stack, 'Orders', { code, partitionKey, encryptionKey: key });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::DynamoDB::Table', { SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() } });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('accepts an existing table; no findings beyond the user table\'s own', () => {
    const stack = testStack();
    const table = new dynamodb.Table(stack, 'Mine', {
      partitionKey,
      stream: dynamodb.StreamViewType.NEW_IMAGE,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });
    for (const id of ['HIPAA.Security-DynamoDBInBackupPlan', 'NIST.800.53.R5-DynamoDBInBackupPlan']) {
      Validations.of(table).acknowledge({ id, reason: 'test fixture: the user table\'s backup plan is the user\'s choice' });
    }
    const p = new TableStreamProcessor(stack, 'Orders', { code, table });
    expect(p.table).toBe(table);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('refuses a new table without a partition key, and table settings with an existing table', () => {
    expect(() => new TableStreamProcessor(testStack(), 'T', { code })).toThrow(/LBP_TABLE_PARTITION_KEY/);
    const stack = testStack();
    const table = dynamodb.Table.fromTableAttributes(stack, 'I', { tableName: 't', tableStreamArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/x' });
    expect(() => new TableStreamProcessor(stack, 'T', { code, table, partitionKey })).toThrow(/LBP_PATTERN_SOURCE_OPTION/);
    new TableStreamProcessor(stack, 'T2', { code, table });
  });

  test('an existing table without a stream is refused', () => {
    const stack = testStack();
    const table = dynamodb.Table.fromTableName(stack, 'I', 't');
    expect(() => new TableStreamProcessor(stack, 'T', { code, table })).toThrow(/LBP_DYNAMODB_STREAM_REQUIRED/);
  });
});
