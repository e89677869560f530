import { Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BucketProcessor, FunctionCode } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';
import { hardenedBucket } from '../triggers/fixtures';

const code = FunctionCode.fromAsset(HANDLER_DIR);

describe('BucketProcessor', () => {
  test('creates a hardened, access-logged bucket with native EventBridge notifications and no custom resource', () => {
    const stack = testStack();
    const p = new BucketProcessor(stack, 'Images', { code, triggerOptions: { prefix: 'uploads/', suffix: '.jpg' } });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() } }] },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
      LoggingConfiguration: { DestinationBucketName: { Ref: Match.stringLikeRegexp('ImagesAccessLogs') }, LogFilePrefix: 'access-logs/' },
    });
    t.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject' })]) },
    });
    t.resourceCountIs('AWS::Lambda::Function', 1);
    expect(Object.keys(t.findResources('Custom::S3BucketNotifications'))).toEqual([]);
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Sid: 'ReadTriggeringObjects',
          Action: 's3:GetObject',
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('ImagesBucket'), 'Arn'] }, '/uploads/*']] },
        })]),
      },
    });
    expect(p.accessLogsBucket).toBeDefined();
    expect(nagFindings(stack)).toEqual([]);
  });

  test('readObjects: false grants nothing on the bucket', () => {
    const stack = testStack();
    new BucketProcessor(stack, 'Images', { code, readObjects: false });
    expect(JSON.stringify(Template.fromStack(stack).findResources('AWS::IAM::ManagedPolicy'))).not.toContain('s3:GetObject');
  });

  test('accepts an existing bucket (owned: EventBridge turned on; imported: stated)', () => {
    const stack = testStack();
    const mine = hardenedBucket(stack, 'Mine');
    new BucketProcessor(stack, 'A', { code, bucket: mine });
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', {
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
    });
    const imported = s3.Bucket.fromBucketName(stack, 'Imported', 'uploads-bucket');
    expect(() => new BucketProcessor(stack, 'B', { code, bucket: imported })).toThrow(/LBP_S3_EVENTBRIDGE_REQUIRED/);
    new BucketProcessor(stack, 'C', { code, bucket: imported, triggerOptions: { bucketSendsToEventBridge: true } });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('an imported bucket with readObjects: the ReadObjectsPolicy\'s object wildcard is acknowledged, its id holding <AWS::Partition>', () => {
    const stack = testStack();
    const imported = s3.Bucket.fromBucketName(stack, 'Imported', 'uploads-bucket');
    const p = new BucketProcessor(stack, 'C', { code, bucket: imported, readObjects: true, triggerOptions: { bucketSendsToEventBridge: true, prefix: 'in/' } });
    expect(nagFindings(stack)).toEqual([]);
    const policy = p.node.findChild('ReadObjectsPolicy');
    const ids = policy.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').flatMap((m) => Object.keys(m.data));
    expect(ids).toContain('AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::uploads-bucket/in/*]');
  });

  test('your own access-log bucket; removal policy', () => {
    const stack = testStack();
    const p0 = new BucketProcessor(stack, 'A', { code });
    const p = new BucketProcessor(stack, 'B', { code, serverAccessLogsBucket: p0.accessLogsBucket });
    expect(p.accessLogsBucket).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::S3::Bucket', 3);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('refuses new-bucket settings with an existing bucket', () => {
    const stack = testStack();
    const imported = s3.Bucket.fromBucketName(stack, 'Imported', 'bbb-bucket');
    expect(() => new BucketProcessor(stack, 'B', { code, bucket: imported, serverAccessLogsBucket: imported, triggerOptions: { bucketSendsToEventBridge: true } }))
      .toThrow(/LBP_PATTERN_SOURCE_OPTION/);
  });
});
