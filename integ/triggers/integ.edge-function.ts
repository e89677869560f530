/// Lambda@Edge: a viewer-request and an origin-request function associated with a distribution's behaviours.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import { EdgeFunction, FunctionCode } from '../../src';

const app = new App();
// Lambda@Edge functions must be created in us-east-1.
const stack = new Stack(app, 'BlueprintsEdgeFunction', { env: { region: 'us-east-1' } });
const code = FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler'));

const viewer = new EdgeFunction(stack, 'ViewerRequest', {
  code,
  eventTypes: [cloudfront.LambdaEdgeEventType.VIEWER_REQUEST],
  // The test stack goes away; a real one keeps RETAIN (replicas block deletion for hours).
  removalPolicy: RemovalPolicy.DESTROY,
});
const origin = new EdgeFunction(stack, 'OriginRequest', {
  code,
  eventTypes: [cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST],
  memorySize: 512,
  removalPolicy: RemovalPolicy.DESTROY,
});

const site = new origins.HttpOrigin('example.com');
const cdn = new cloudfront.Distribution(stack, 'Cdn', {
  defaultBehavior: { origin: site, edgeLambdas: [viewer.association(cloudfront.LambdaEdgeEventType.VIEWER_REQUEST)] },
});
cdn.addBehavior('/api/*', site, {
  edgeLambdas: [origin.association(cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST, { includeBody: true })],
});

new IntegTest(app, 'EdgeFunction', { testCases: [stack] });
app.synth();
