/// Trigger.logSubscription: a subscription filter on another service's log group, the permission scoped to that group.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsLogSubscriptionTrigger');
// Another service's log group (the user's, hardened as the packs want: retention and a KMS key).
const logsKey = new kms.Key(stack, 'OrdersServiceLogsKey', { enableKeyRotation: true, removalPolicy: RemovalPolicy.DESTROY });
logsKey.grantEncryptDecrypt(new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`));
const appLogs = new logs.LogGroup(stack, 'OrdersServiceLogs', {
  retention: logs.RetentionDays.ONE_MONTH,
  encryptionKey: logsKey,
  removalPolicy: RemovalPolicy.DESTROY,
});
const fn = new ServerlessFunction(stack, 'ErrorReporter', { code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')) });
fn.addTrigger(Trigger.logSubscription(appLogs, logs.FilterPattern.anyTerm('ERROR', 'Exception'), { filterName: 'errors-to-reporter' }));

new IntegTest(app, 'LogSubscriptionTrigger', { testCases: [stack] });
app.synth();
