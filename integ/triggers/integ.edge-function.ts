/// Lambda@Edge: a viewer-request and an origin-request function, associated with the behaviours of a CloudFront
/// distribution (an HTTPS-only custom origin). The distribution's choices that only its owner can make (a web ACL,
/// geo restrictions, access logs, a custom certificate) are stated as user decisions, with reasons.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import { EdgeFunction, FunctionCode } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
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

// The distribution CloudFront deploys the associations with (checked at synth against eventTypes).
const site = new origins.HttpOrigin('example.com', {
  protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
  originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
});
const distribution = new cloudfront.Distribution(stack, 'Cdn', {
  comment: 'cdk-lambda-blueprints integ: Lambda@Edge associations',
  defaultBehavior: {
    origin: site,
    viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
    edgeLambdas: [viewer.association(cloudfront.LambdaEdgeEventType.VIEWER_REQUEST)],
  },
});
distribution.addBehavior('/api/*', site, {
  viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
  allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
  cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
  responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
  edgeLambdas: [origin.association(cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST, { includeBody: true })],
});

new IntegTest(app, 'EdgeFunction', { testCases: [stack] });
app.synth();
