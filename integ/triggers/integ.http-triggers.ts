/// HTTP API, function URL and Application Load Balancer triggers.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsHttpTriggers');
const code = FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler'));

const api = new ServerlessFunction(stack, 'ApiBackend', { code });
api.addTrigger(Trigger.httpApi({ routes: ['GET /items/{id}', 'POST /items'] }));

const urlFn = new ServerlessFunction(stack, 'UrlBackend', { code });
urlFn.addTrigger(Trigger.functionUrl());

// The load balancer is the user's: an internal ALB in a small VPC without NAT gateways.
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, restrictDefaultSecurityGroup: false });
const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc, internetFacing: false });
const listener = alb.addListener('Http', {
  port: 80,
  open: false,
  defaultAction: elbv2.ListenerAction.fixedResponse(404),
});
const albFn = new ServerlessFunction(stack, 'AlbBackend', { code });
albFn.addTrigger(Trigger.alb({
  listener,
  priority: 10,
  conditions: [elbv2.ListenerCondition.pathPatterns(['/api/*'])],
}));

new IntegTest(app, 'HttpTriggers', { testCases: [stack] });
app.synth();
