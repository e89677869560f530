/// Trigger.documentDb: the change stream of one collection of a DocumentDB cluster (given by ARN), credentials by
/// reference, the parameter and subnet groups unnamed (account-wide Describe, acknowledged); and a whole database of
/// an imported aws-docdb cluster with its groups named exactly and UpdateLookup. No on-failure destination by AWS's
/// design: a failing batch is retried until it succeeds or expires from the change stream; the function's error and
/// iterator-age alarms report it.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as docdb from 'aws-cdk-lib/aws-docdb';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { DocumentDbFullDocument, DocumentDbSource, FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsDocumentDbTrigger');
const code = FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler'));

// The clusters are the account's (an integ test does not create one): their names and secrets are placeholders.
const orders = new ServerlessFunction(stack, 'Orders', { code });
orders.addTrigger(Trigger.documentDb(
  DocumentDbSource.fromClusterArn(`arn:aws:rds:${stack.region}:${stack.account}:cluster:orders`),
  {
    databaseName: 'shop',
    collectionName: 'orders',
    credentials: secretsmanager.Secret.fromSecretNameV2(stack, 'OrdersCredentials', 'docdb/orders/lambda'),
    batchSize: 500,
    maxBatchingWindow: Duration.seconds(5),
  },
));

const audit = new ServerlessFunction(stack, 'Audit', { code, timeout: Duration.minutes(2) });
audit.addTrigger(Trigger.documentDb(
  DocumentDbSource.fromCluster(docdb.DatabaseCluster.fromDatabaseClusterAttributes(stack, 'AuditCluster', { clusterIdentifier: 'audit' })),
  {
    databaseName: 'audit',
    fullDocument: DocumentDbFullDocument.UPDATE_LOOKUP,
    credentials: secretsmanager.Secret.fromSecretNameV2(stack, 'AuditCredentials', 'docdb/audit/lambda'),
    clusterParameterGroupName: 'default.docdb5.0',
    subnetGroupName: 'audit-subnets',
  },
));

new IntegTest(app, 'DocumentDbTrigger', { testCases: [stack] });
app.synth();
