/// REST API trigger: IAM and Cognito authorization, request validation, throttling, logs, X-Ray, WAF.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsRestApiTrigger');
const code = FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler'));

// IAM authorization; this stack also sets the Region's API Gateway CloudWatch Logs role.
const iamFn = new ServerlessFunction(stack, 'IamBackend', { code, timeout: Duration.seconds(29) });
iamFn.addTrigger(Trigger.restApi({ routes: ['GET /items/{id}', 'POST /items'], cloudWatchRole: true }));

// Cognito authorization behind a Regional web ACL (both the user's).
const pool = new cognito.UserPool(stack, 'Users', { signInAliases: { email: true } });
const acl = new wafv2.CfnWebACL(stack, 'Acl', {
  scope: 'REGIONAL',
  defaultAction: { allow: {} },
  visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'blueprints-rest-api', sampledRequestsEnabled: true },
  rules: [{
    name: 'KnownBadInputs',
    priority: 1,
    overrideAction: { none: {} },
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesKnownBadInputsRuleSet' } },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'known-bad-inputs', sampledRequestsEnabled: true },
  }, {
    name: 'RateLimit',
    priority: 0,
    action: { block: {} },
    statement: { rateBasedStatement: { limit: 1000, aggregateKeyType: 'IP' } },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'rate-limit', sampledRequestsEnabled: true },
  }],
});
const cognitoFn = new ServerlessFunction(stack, 'CognitoBackend', { code, timeout: Duration.seconds(10) });
cognitoFn.addTrigger(Trigger.restApi({
  cognitoUserPools: [pool],
  integrationTimeout: Duration.seconds(10),
  webAclArn: acl.attrArn,
}));

new IntegTest(app, 'RestApiTrigger', { testCases: [stack] });
app.synth();
