import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as docdb from 'aws-cdk-lib/aws-docdb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { LIVE_ALIAS_NAME_REF, testFunction } from './fixtures';
import { DocumentDbFullDocument, DocumentDbSource, DocumentDbTriggerOptions, Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';
import { testStack } from '../helpers/template';

const CLUSTER = 'arn:aws:rds:us-east-1:123456789012:cluster:orders-cluster';
const SOURCE = DocumentDbSource.fromClusterArn(CLUSTER);

function secret(stack: Stack, id = 'DocDbSecret'): secretsmanager.ISecret {
  return stack.node.tryFindChild(id) as secretsmanager.ISecret | undefined
    ?? secretsmanager.Secret.fromSecretCompleteArn(stack, id, `arn:aws:secretsmanager:us-east-1:123456789012:secret:${id}-AbCdEf`);
}

function base(stack: Stack): DocumentDbTriggerOptions {
  return { databaseName: 'shop', credentials: secret(stack) };
}

/** Every statement of every policy in the template. */
function policyStatements(t: Template): any[] {
  const policies = { ...t.findResources('AWS::IAM::ManagedPolicy'), ...t.findResources('AWS::IAM::Policy') };
  return Object.values(policies).flatMap((p: any) => p.Properties.PolicyDocument.Statement);
}

function actionsOf(s: any): string[] {
  return [s.Action].flat();
}

describe('Trigger.documentDb', () => {
  test('the ESM with BASIC_AUTH and the DocumentDB config, no destination, scoped IAM, reported mapping; no findings', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const trigger = Trigger.documentDb(SOURCE, { ...base(stack), collectionName: 'orders' });
    fn.addTrigger(trigger);
    // Lambda publishes no EventCount metrics for it here, so no failed/dropped-events alarm that never sees data.
    expect(fn.alarms.eventSourceFailures).toEqual([]);

    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: LIVE_ALIAS_NAME_REF,
      EventSourceArn: CLUSTER,
      BatchSize: 100,
      StartingPosition: 'TRIM_HORIZON',
      SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:DocDbSecret-AbCdEf' }],
      DocumentDBEventSourceConfig: { DatabaseName: 'shop', CollectionName: 'orders', FullDocument: 'Default' },
      DestinationConfig: Match.absent(),
      MetricsConfig: Match.absent(),
    });
    const config = fn.triggers[0];
    expect(config.failureQueues).toEqual([]);
    expect(config.readsStream).toBe(true);
    expect(config.eventSourceMappings).toEqual([trigger.mapping]);
    expect(config.description).toMatch(/shop\.orders.*no on-failure destination by AWS's design/);

    const statements = policyStatements(t);
    const rds = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('rds:')));
    expect(rds.map((s) => [actionsOf(s), s.Resource])).toEqual([
      [['rds:DescribeDBClusters'], CLUSTER],
      [['rds:DescribeDBClusterParameters'], 'arn:aws:rds:us-east-1:123456789012:cluster-pg:*'],
      [['rds:DescribeDBSubnetGroups'], 'arn:aws:rds:us-east-1:123456789012:subgrp:*'],
    ]);
    const ec2Statement = statements.find((s) => actionsOf(s).includes('ec2:CreateNetworkInterface'));
    expect(ec2Statement.Resource).toBe('*');
    expect(actionsOf(ec2Statement).sort()).toEqual([
      'ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces',
      'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs',
    ]);
    expect(statements.some((s) => actionsOf(s).includes('secretsmanager:GetSecretValue')
      && s.Resource === 'arn:aws:secretsmanager:us-east-1:123456789012:secret:DocDbSecret-AbCdEf')).toBe(true);
    for (const role of Object.values(t.findResources('AWS::IAM::Role')) as any[]) {
      expect(role.Properties.ManagedPolicyArns ?? []).not.toContainEqual(expect.stringMatching(/service-role|AWSLambda/));
    }

    // The mapping waits for the policies that let its poller read the cluster and the secret.
    const [mappingId, mapping] = Object.entries(t.findResources('AWS::Lambda::EventSourceMapping'))[0] as [string, any];
    const dependsOn: string[] = mapping.DependsOn ?? [];
    const clusterPolicy = Object.keys(t.findResources('AWS::IAM::ManagedPolicy', { Properties: { Description: Match.stringLikeRegexp('DocumentDB') } }));
    expect(clusterPolicy).toHaveLength(1);
    expect(dependsOn).toEqual(expect.arrayContaining(clusterPolicy));
    expect(mappingId).toBeDefined();
    expect(nagFindings(stack)).toEqual([]);
  });

  test('named parameter and subnet groups: exact ARNs and no wildcard acknowledgement', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.documentDb(SOURCE, {
      ...base(stack),
      clusterParameterGroupName: 'default.docdb5.0',
      subnetGroupName: 'orders-subnets',
      fullDocument: DocumentDbFullDocument.UPDATE_LOOKUP,
      startingPosition: lambda.StartingPosition.AT_TIMESTAMP,
      startingPositionTimestamp: 1700000000,
      batchSize: 10000,
      maxBatchingWindow: Duration.seconds(300),
      filters: [lambda.FilterCriteria.filter({ event: { operationType: lambda.FilterRule.isEqual('insert') } })],
      enabled: false,
    }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10000,
      MaximumBatchingWindowInSeconds: 300,
      StartingPosition: 'AT_TIMESTAMP',
      StartingPositionTimestamp: 1700000000,
      Enabled: false,
      FilterCriteria: { Filters: [{ Pattern: '{"event":{"operationType":["insert"]}}' }] },
      KmsKeyArn: Match.anyValue(),
      DocumentDBEventSourceConfig: { DatabaseName: 'shop', CollectionName: Match.absent(), FullDocument: 'UpdateLookup' },
    });
    const resources = policyStatements(t).filter((s) => actionsOf(s).some((a) => a.startsWith('rds:'))).map((s) => s.Resource);
    expect(resources).toEqual([
      CLUSTER,
      'arn:aws:rds:us-east-1:123456789012:cluster-pg:default.docdb5.0',
      'arn:aws:rds:us-east-1:123456789012:subgrp:orders-subnets',
    ]);
    const policy = Object.values(t.findResources('AWS::IAM::ManagedPolicy', { Properties: { Description: Match.stringLikeRegexp('DocumentDB') } }))[0] as any;
    expect(JSON.stringify(policy.Metadata ?? {})).not.toMatch(/IAM5/);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('an aws-docdb cluster: its ARN from the stack, its own secret (KMS key decrypt granted); two clusters, two policies', () => {
    const stack = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
    const key = new kms.Key(stack, 'SecretKey', { enableKeyRotation: true });
    const credentials = new secretsmanager.Secret(stack, 'ClusterSecret', { encryptionKey: key });
    const cluster = docdb.DatabaseCluster.fromDatabaseClusterAttributes(stack, 'Cluster', { clusterIdentifier: 'orders-cluster' });
    const fn = testFunction(stack, { timeout: Duration.minutes(14) });
    fn.addTrigger(Trigger.documentDb(DocumentDbSource.fromCluster(cluster), { databaseName: 'shop', credentials }));
    fn.addTrigger(Trigger.documentDb(DocumentDbSource.fromClusterArn('arn:aws:rds:us-east-1:123456789012:cluster:billing'), { databaseName: 'billing', credentials }));
    const t = Template.fromStack(stack);
    expect(vpc).toBeDefined();
    t.resourceCountIs('AWS::Lambda::EventSourceMapping', 2);
    t.resourcePropertiesCountIs('AWS::IAM::ManagedPolicy', { Description: Match.stringLikeRegexp('DocumentDB') }, 2);
    const mappings = Object.values(t.findResources('AWS::Lambda::EventSourceMapping')) as any[];
    expect(JSON.stringify(mappings[0].Properties.EventSourceArn)).toMatch(/:cluster:orders-cluster/);
    // grantRead lets the role decrypt the secret through Secrets Manager, in the key's policy.
    const keyPolicy = (Object.values(t.findResources('AWS::KMS::Key'))[0] as any).Properties.KeyPolicy.Statement;
    expect(keyPolicy.some((s: any) => actionsOf(s).includes('kms:Decrypt') && JSON.stringify(s.Principal).includes('Role'))).toBe(true);
  });

  test('a token cluster ARN: the group ARNs are built with Fn::Split', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const arn = new lambda.CfnFunction(stack, 'Stand-in', { code: {}, role: 'r' }).attrArn; // any token
    fn.addTrigger(Trigger.documentDb(DocumentDbSource.fromClusterArn(arn), base(stack)));
    const statements = JSON.stringify(policyStatements(Template.fromStack(stack)));
    expect(statements).toMatch(/Fn::Split/);
    expect(statements).toMatch(/:cluster-pg:\*/);
  });

  test.each<[string, Partial<DocumentDbTriggerOptions> & { source?: DocumentDbSource }, string]>([
    ['an MSK ARN', { source: DocumentDbSource.fromClusterArn('arn:aws:kafka:us-east-1:123456789012:cluster/orders/x') }, 'LBP_DOCUMENTDB_SOURCE'],
    ['an instance ARN', { source: DocumentDbSource.fromClusterArn('arn:aws:rds:us-east-1:123456789012:db:orders-1') }, 'LBP_DOCUMENTDB_SOURCE'],
    ['a 64-character cluster name', { source: DocumentDbSource.fromClusterArn(`arn:aws:rds:us-east-1:123456789012:cluster:a${'b'.repeat(63)}`) }, 'LBP_DOCUMENTDB_SOURCE'],
    ['no database', { databaseName: undefined }, 'LBP_DOCUMENTDB_DATABASE'],
    ['an empty database', { databaseName: '' }, 'LBP_DOCUMENTDB_DATABASE'],
    ['a 64-character database', { databaseName: 'd'.repeat(64) }, 'LBP_DOCUMENTDB_DATABASE'],
    ['a database with a dot', { databaseName: 'shop.eu' }, 'LBP_DOCUMENTDB_DATABASE'],
    ['a database with $', { databaseName: 'shop$' }, 'LBP_DOCUMENTDB_DATABASE'],
    ['an empty collection', { collectionName: '' }, 'LBP_DOCUMENTDB_COLLECTION'],
    ['a 58-character collection', { collectionName: 'c'.repeat(58) }, 'LBP_DOCUMENTDB_COLLECTION'],
    ['a collection with $', { collectionName: 'or$ders' }, 'LBP_DOCUMENTDB_COLLECTION'],
    ['a system collection', { collectionName: 'system.views' }, 'LBP_DOCUMENTDB_COLLECTION'],
    ['no credentials', { credentials: undefined }, 'LBP_DOCUMENTDB_CREDENTIALS'],
    ['a bad fullDocument', { fullDocument: 'WhenAvailable' as any }, 'LBP_DOCUMENTDB_FULL_DOCUMENT'],
    ['batch 0', { batchSize: 0 }, 'LBP_DOCUMENTDB_BATCH_SIZE'],
    ['batch 10001', { batchSize: 10001 }, 'LBP_DOCUMENTDB_BATCH_SIZE'],
    ['batch 1.5', { batchSize: 1.5 }, 'LBP_DOCUMENTDB_BATCH_SIZE'],
    ['window 301 s', { maxBatchingWindow: Duration.seconds(301) }, 'LBP_BATCHING_WINDOW'],
    ['AT_TIMESTAMP without timestamp', { startingPosition: lambda.StartingPosition.AT_TIMESTAMP }, 'LBP_DOCUMENTDB_STARTING_POSITION'],
    ['a timestamp without AT_TIMESTAMP', { startingPositionTimestamp: 1700000000 }, 'LBP_DOCUMENTDB_STARTING_POSITION'],
    ['a zero timestamp', { startingPosition: lambda.StartingPosition.AT_TIMESTAMP, startingPositionTimestamp: 0 }, 'LBP_DOCUMENTDB_STARTING_POSITION'],
    ['a parameter group with an underscore', { clusterParameterGroupName: 'my_group' }, 'LBP_DOCUMENTDB_RESOURCE_NAME'],
    ['a parameter group starting with a digit', { clusterParameterGroupName: '1group' }, 'LBP_DOCUMENTDB_RESOURCE_NAME'],
    ['a 256-character parameter group', { clusterParameterGroupName: `g${'g'.repeat(255)}` }, 'LBP_DOCUMENTDB_RESOURCE_NAME'],
    ['a subnet group with a slash', { subnetGroupName: 'a/b' }, 'LBP_DOCUMENTDB_RESOURCE_NAME'],
    ['a 256-character subnet group', { subnetGroupName: 's'.repeat(256) }, 'LBP_DOCUMENTDB_RESOURCE_NAME'],
  ])('refuses %s', (_name, { source, ...options }, code) => {
    const stack = testStack();
    const fn = testFunction(stack);
    expect(() => fn.addTrigger(Trigger.documentDb(source ?? SOURCE, { ...base(stack), ...options } as DocumentDbTriggerOptions)))
      .toThrow(new RegExp(code));
    // Nothing half-made: the refused trigger created no resource.
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Lambda::EventSourceMapping', 0);
    t.resourcePropertiesCountIs('AWS::IAM::ManagedPolicy', { Description: Match.stringLikeRegexp('DocumentDB') }, 0);
  });

  test('accepts every limit: 1 and 10,000 events, 0 and 300 s, 63- and 57-character names, 255-character groups', () => {
    const stack = testStack();
    let n = 0;
    // One function per mapping: the app-wide check allows one mapping per source and function.
    const ok = (options: Partial<DocumentDbTriggerOptions>) =>
      testFunction(stack, {}, `Fn${++n}`).addTrigger(Trigger.documentDb(SOURCE, { ...base(stack), ...options }));
    ok({ batchSize: 1, maxBatchingWindow: Duration.seconds(0), databaseName: 'd'.repeat(63), collectionName: 'c'.repeat(57) });
    ok({ batchSize: 10000, maxBatchingWindow: Duration.seconds(300), databaseName: 'shop-2', collectionName: 'orders.archive' });
    ok({ clusterParameterGroupName: `g${'g'.repeat(254)}`, subnetGroupName: 's'.repeat(255), startingPosition: lambda.StartingPosition.LATEST });
    ok({ startingPosition: lambda.StartingPosition.AT_TIMESTAMP, startingPositionTimestamp: 1 });
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::EventSourceMapping', 4);
  });

  test('the function timeout: 14 minutes accepted, 14 minutes and 1 second refused', () => {
    const stack = testStack();
    const ok = testFunction(stack, { timeout: Duration.seconds(840) }, 'Ok');
    ok.addTrigger(Trigger.documentDb(SOURCE, base(stack)));
    const tooLong = testFunction(stack, { timeout: Duration.seconds(841) }, 'TooLong');
    expect(() => tooLong.addTrigger(Trigger.documentDb(SOURCE, base(stack)))).toThrow(/LBP_DOCUMENTDB_FUNCTION_TIMEOUT/);
  });

  test('refuses a source that is not a DocumentDbSource and options that are not options', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    expect(() => fn.addTrigger(Trigger.documentDb(CLUSTER as any, base(stack)))).toThrow(/LBP_DOCUMENTDB_SOURCE/);
    expect(() => fn.addTrigger(Trigger.documentDb(SOURCE, undefined as any))).toThrow(/LBP_DOCUMENTDB_DATABASE/);
    expect(() => fn.addTrigger(Trigger.documentDb(SOURCE, { ...base(stack), batchSize: '10' as any }))).toThrow(/LBP_PROP_TYPE/);
  });
});
