import { Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { hardenedBucket, LIVE_ALIAS_NAME_REF, testFunction } from './fixtures';
import { Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';
import { testStack } from '../helpers/template';

function table(stack: ReturnType<typeof testStack>, withStream = true): dynamodb.Table {
  const t = new dynamodb.Table(stack, 'Table', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    stream: withStream ? dynamodb.StreamViewType.NEW_AND_OLD_IMAGES : undefined,
  });
  // The test's own table (the user's source, not the trigger's): its backup plan is the user's choice.
  for (const id of ['HIPAA.Security-DynamoDBInBackupPlan', 'NIST.800.53.R5-DynamoDBInBackupPlan']) {
    Validations.of(t).acknowledge({ id, reason: 'test fixture: the backup plan of a user table is the user\'s choice' });
  }
  return t;
}

describe('Trigger.dynamoDbStream', () => {
  test('maps the table stream with the bounded defaults; no findings', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.dynamoDbStream(table(stack)));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: LIVE_ALIAS_NAME_REF,
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Table'), 'StreamArn'] },
      MaximumRetryAttempts: 3,
      MaximumRecordAgeInSeconds: 86400,
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'dynamodb:ListStreams', Resource: '*' })]) },
    });
    expect(fn.triggers[0].readsStream).toBe(true);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', { MetricsConfig: { Metrics: ['EventCount'] } });
    expect(fn.triggers[0].eventSourceMappings).toHaveLength(1);
    expect(fn.alarms.eventSourceFailures).toHaveLength(1);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('filters are encrypted with the BlueprintKey; a bucket as destination gets the least-privilege policy; no findings', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.dynamoDbStream(table(stack), {
      onFailureBucket: hardenedBucket(stack),
      filters: [lambda.FilterCriteria.filter({ eventName: lambda.FilterRule.isEqual('INSERT') })],
    }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      KmsKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BlueprintKey'), 'Arn'] },
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Bucket'), 'Arn'] } } },
    });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Description: Match.stringLikeRegexp('failed DynamoDbStream records'),
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 's3:PutObject' })]) },
    });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('the ListStreams wildcard is acknowledged even without tracing', () => {
    const stack = testStack();
    const fn = testFunction(stack, { tracing: lambda.Tracing.PASS_THROUGH });
    fn.addTrigger(Trigger.dynamoDbStream(table(stack)));
    expect(nagFindings(stack).filter((f) => f.rule.includes('IAM5'))).toEqual([]);
  });

  test('refuses a table without a stream', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    expect(() => fn.addTrigger(Trigger.dynamoDbStream(table(stack, false)))).toThrow(/LBP_DYNAMODB_STREAM_REQUIRED/);
  });

  test('an imported table with a stream ARN passes', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const imported = dynamodb.Table.fromTableAttributes(stack, 'Imported', {
      tableName: 'orders',
      tableStreamArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000',
    });
    fn.addTrigger(Trigger.dynamoDbStream(imported));
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
  });

  test('refuses AT_TIMESTAMP (DynamoDB Streams do not support it)', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    expect(() => fn.addTrigger(Trigger.dynamoDbStream(table(stack), {
      startingPosition: lambda.StartingPosition.AT_TIMESTAMP, startingPositionTimestamp: 1,
    }))).toThrow(/LBP_STREAM_STARTING_POSITION/);
  });

  test('LATEST passes', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.dynamoDbStream(table(stack), { startingPosition: lambda.StartingPosition.LATEST }));
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventSourceMapping', { StartingPosition: 'LATEST' });
  });
});
