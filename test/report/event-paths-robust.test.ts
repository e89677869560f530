import { functionsOf } from './event-paths-helpers';
import { eventPathsOf } from '../../src/report/private/event-paths';
import { StackIndex } from '../../src/report/private/template-index';

function pathsOf(resources: Record<string, unknown>) {
  const index = new StackIndex([{ file: 'S.template.json', template: { Resources: resources } }]);
  return eventPathsOf('S', index, functionsOf(index));
}

const FN = { Type: 'AWS::Lambda::Function', Properties: {}, Metadata: { 'aws:cdk:path': 'S/Fn/Resource' } };

test('a Lambda@Edge version outside the stack (another Region\'s stack) is named by its ARN', () => {
  const { eventPaths, gaps } = pathsOf({
    Cdn: {
      Type: 'AWS::CloudFront::Distribution',
      Metadata: { 'aws:cdk:path': 'S/Cdn/Resource' },
      Properties: {
        DistributionConfig: {
          DefaultCacheBehavior: { LambdaFunctionAssociations: [{ EventType: 'viewer-request', LambdaFunctionARN: 'arn:aws:lambda:us-east-1:123456789012:function:edge:3' }] },
        },
      },
    },
  });
  expect(gaps).toEqual([]);
  expect(eventPaths).toEqual([expect.objectContaining({
    id: 'S/Cdn/Resource', invocation: 'synchronous', functionId: 'arn:aws:lambda:us-east-1:123456789012:function:edge:3', wiredBy: 'S/Cdn/Resource', byLibrary: false,
  })]);
});

test('unusual templates: missing, mistyped or unresolved properties and unknown types give no path and no crash', () => {
  const { eventPaths, gaps } = pathsOf({
    Fn: FN,
    Nothing: { Type: 'Custom::Whatever' },
    NullProps: { Type: 'AWS::Lambda::EventSourceMapping', Properties: null },
    StringTargets: { Type: 'AWS::Events::Rule', Properties: { Targets: 'all of them' } },
    BadSub: { Type: 'AWS::SNS::Subscription', Properties: { Protocol: 'lambda', Endpoint: { 'Fn::Sub': 42 } } },
    BadIot: { Type: 'AWS::IoT::TopicRule', Properties: { TopicRulePayload: { Actions: [null, 'x', { Lambda: {} }], ErrorAction: 'no' } } },
    BadPool: { Type: 'AWS::Cognito::UserPool', Properties: { LambdaConfig: 'none' } },
    BadCdn: { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: { CacheBehaviors: 'x' } } },
    BadFirehose: { Type: 'AWS::KinesisFirehose::DeliveryStream', Properties: { ExtendedS3DestinationConfiguration: { ProcessingConfiguration: { Processors: [{ Type: 'Lambda', Parameters: 'x' }] } } } },
    BadAlarm: { Type: 'AWS::CloudWatch::Alarm', Properties: { Metrics: 'x', Dimensions: [null] } },
    Cycle: { Type: 'AWS::Lambda::Alias', Properties: { FunctionName: { Ref: 'Cycle' } } },
    ToCycle: { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: { Ref: 'Cycle' } } },
  });
  expect(eventPaths).toEqual([]);
  expect(gaps).toEqual([]);
});

test('a permission with an unresolved principal and no source is reported as unknown, with the principal as written', () => {
  const { eventPaths } = pathsOf({
    Fn: FN,
    Perm: {
      Type: 'AWS::Lambda::Permission',
      Metadata: { 'aws:cdk:path': 'S/Fn/Perm' },
      Properties: { FunctionName: { 'Fn::GetAtt': ['Fn', 'Arn'] }, Principal: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
    },
  });
  expect(eventPaths).toEqual([expect.objectContaining({
    id: 'S/Fn/Perm', invocation: 'unknown', functionId: 'S/Fn/Resource', source: { kind: 'invoker logs.${AWS::Region}.amazonaws.com', name: 'logs.${AWS::Region}.amazonaws.com' }, sinkAlarms: [],
  })]);
});

test('a bucket\'s own NotificationConfiguration to a function (written as L1): an asynchronous path, a gap', () => {
  const { eventPaths, gaps } = pathsOf({
    Fn: FN,
    Bucket: {
      Type: 'AWS::S3::Bucket',
      Metadata: { 'aws:cdk:path': 'S/Bucket' },
      Properties: { NotificationConfiguration: { LambdaConfigurations: [{ Event: 's3:ObjectCreated:*', Function: { 'Fn::GetAtt': ['Fn', 'Arn'] } }] } },
    },
  });
  expect(eventPaths).toEqual([expect.objectContaining({
    id: 'S/Bucket',
    invocation: 'asynchronous',
    functionId: 'S/Fn/Resource',
    source: expect.objectContaining({ kind: 'S3 bucket', name: 'S/Bucket' }),
    gap: expect.stringMatching(/^the S3 event notification of S\/Bucket invokes S\/Fn asynchronously with no failure sink: S3 event notifications have no dead-letter queue/),
  })]);
  expect(gaps).toEqual([{ path: 'S/Bucket', eventPathId: 'S/Bucket', message: eventPaths[0].gap }]);
});
