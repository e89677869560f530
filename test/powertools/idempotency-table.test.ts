import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { IdempotencyTable } from '../../src';
import { controlTowerFindings } from '../helpers/control-tower';
import { nagFindings } from '../helpers/nag';
import { testStack } from '../helpers/template';

describe('IdempotencyTable', () => {
  test('the layout Powertools\' DynamoDB persistence layer uses: key id, TTL expiration; on demand, PITR, KMS, retained', () => {
    const stack = testStack();
    const t = new IdempotencyTable(stack, 'Idem');
    const template = Template.fromStack(stack);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^IdemKey'), 'Arn'] } },
      },
    });
    template.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: {
        EnableKeyRotation: true,
        KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'DenyGrantsExceptForAwsResources', Effect: 'Deny', Action: 'kms:CreateGrant' })]) },
      },
    });
    expect(IdempotencyTable.PARTITION_KEY).toBe('id');
    expect(IdempotencyTable.TIME_TO_LIVE_ATTRIBUTE).toBe('expiration');
    expect(t.encryptionKey).toBeInstanceOf(kms.Key);
  });

  test('removalPolicy applies to the table and its own key; a given key is used as is', () => {
    const stack = testStack();
    new IdempotencyTable(stack, 'Idem', { removalPolicy: RemovalPolicy.DESTROY });
    const template = Template.fromStack(stack);
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });

    const own = testStack();
    const key = new kms.Key(own, 'MyKey', { enableKeyRotation: true });
    const t = new IdempotencyTable(own, 'Idem', { encryptionKey: key });
    expect(t.encryptionKey).toBe(key);
    Template.fromStack(own).resourceCountIs('AWS::KMS::Key', 1);
  });

  test('grantIdempotency: the four item actions on this table only, and the key', () => {
    const stack = testStack();
    const t = new IdempotencyTable(stack, 'Idem');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    t.grantIdempotency(role);
    const statements = Template.fromStack(stack).toJSON().Resources;
    const policy = Object.values<any>(statements).find((r) => r.Type === 'AWS::IAM::Policy');
    const byResource = policy.Properties.PolicyDocument.Statement.map((s: any) => ({ action: [s.Action].flat().sort(), resource: s.Resource }));
    expect(byResource).toEqual([
      { action: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], resource: [{ 'Fn::GetAtt': [expect.stringMatching(/^IdemTable/), 'Arn'] }] },
      { action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'], resource: { 'Fn::GetAtt': [expect.stringMatching(/^IdemKey/), 'Arn'] } },
    ]);
  });

  test('a wrongly typed prop is a coded error, and nothing is left', () => {
    const stack = testStack();
    expect(() => new IdempotencyTable(stack, 'Idem', { removalPolicy: 42 as any })).toThrow(/\[LBP_PROP_TYPE\]/);
    expect(stack.node.tryFindChild('Idem')).toBeUndefined();
  });

  test('clean under the five cdk-nag packs and AWS Control Tower\'s proactive controls', () => {
    const stack = testStack();
    new IdempotencyTable(stack, 'Idem');
    expect(nagFindings(stack)).toEqual([]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lbp-idem-'));
    const file = path.join(dir, 'IdempotencyTable.template.json');
    fs.writeFileSync(file, JSON.stringify(Template.fromStack(stack).toJSON()));
    expect(controlTowerFindings([file]).filter((f) => !f.exception)).toEqual([]);
  });
});
