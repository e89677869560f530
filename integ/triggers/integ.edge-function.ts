/// Lambda@Edge: a viewer-request and an origin-request function (their association with distribution behaviours is
/// tested in test/edge/edge-function.test.ts: a bare distribution here would carry CloudFront findings that are the
/// user's choices, such as a custom certificate and access logging).
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
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

// The associations a distribution behaviour takes (`edgeLambdas`); checked at synth against eventTypes.
viewer.association(cloudfront.LambdaEdgeEventType.VIEWER_REQUEST);
origin.association(cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST, { includeBody: true });

new IntegTest(app, 'EdgeFunction', { testCases: [stack] });
app.synth();
