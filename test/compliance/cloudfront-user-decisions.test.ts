import { Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import { Construct } from 'constructs';
import { Blueprints, EdgeFunction, FunctionCode } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

/**
 * A CloudFront distribution carrying a Lambda@Edge association: its web ACL, geo restrictions, access logs
 * and certificate are the distribution owner's decisions, stated with
 * `Blueprints.acknowledgeUserDecisions` (cdk-nag 3 acknowledgements, cdk-nag 2 metadata and checkov skips,
 * each only where its condition holds).
 */

const CLOUDFRONT_DECISIONS = {
  noWebAcl: 'The distribution serves public, static marketing pages only.',
  noGeoRestriction: 'The pages are for every country we sell in, which is all of them.',
  noDistributionLogging: 'Viewer requests are measured by the origin, which logs them.',
  noCustomCertificate: 'The pages are served under the cloudfront.net name for now.',
};

function distribution(scope: Construct, props: Partial<cloudfront.DistributionProps> = {}): cloudfront.Distribution {
  const edge = new EdgeFunction(scope, 'Viewer', { code: FunctionCode.fromAsset(HANDLER_DIR), eventTypes: [cloudfront.LambdaEdgeEventType.VIEWER_REQUEST] });
  return new cloudfront.Distribution(scope, 'Cdn', {
    ...props,
    defaultBehavior: {
      origin: new origins.HttpOrigin('example.com'),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      edgeLambdas: [edge.association(cloudfront.LambdaEdgeEventType.VIEWER_REQUEST)],
    },
  });
}

const checkovSkips = (stack: ReturnType<typeof testStack>): string[] => {
  const [dist] = Object.values(Template.fromStack(stack).findResources('AWS::CloudFront::Distribution'));
  return (dist.Metadata?.checkov?.skip ?? []).map((s: { id: string }) => s.id).sort();
};

test('without the decisions, the distribution\'s web ACL, geo restrictions, access logs and certificate are reported', () => {
  const stack = testStack();
  distribution(stack);
  expect(nagFindings(stack, {}).map((f) => f.rule).sort()).toEqual(['AwsSolutions-CFR1', 'AwsSolutions-CFR2', 'AwsSolutions-CFR3', 'AwsSolutions-CFR4']);
  expect(checkovSkips(stack)).toEqual([]);
});

test('with them: no finding in either cdk-nag line, and the checkov skips carry the user\'s reasons', () => {
  const stack = testStack();
  distribution(stack);
  Blueprints.acknowledgeUserDecisions(stack, CLOUDFRONT_DECISIONS);
  expect(nagFindings(stack, {})).toEqual([]);
  expect(checkovSkips(stack)).toEqual(['CKV_AWS_174', 'CKV_AWS_68', 'CKV_AWS_86']);
  const [dist] = Object.values(Template.fromStack(stack).findResources('AWS::CloudFront::Distribution'));
  expect(dist.Metadata.checkov.skip).toContainEqual({ id: 'CKV_AWS_86', comment: 'cdk-lambda-blueprints: User decision (noDistributionLogging): Viewer requests are measured by the origin, which logs them.' });
  // cdk-nag 2 reads the same decisions from the metadata: only the CloudFront ids of noWebAcl, not the REST API ones.
  const v2 = dist.Metadata.cdk_nag.rules_to_suppress.map((r: { id: string }) => r.id).sort();
  expect(v2).toEqual(['AwsSolutions-CFR1', 'AwsSolutions-CFR2', 'AwsSolutions-CFR3', 'AwsSolutions-CFR4']);
});

test('a skip is written only where its condition holds: not for a web ACL or geo restriction the distribution has', () => {
  const stack = testStack();
  distribution(stack, {
    webAclId: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/site/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    geoRestriction: cloudfront.GeoRestriction.allowlist('DE', 'FR'),
  });
  Blueprints.acknowledgeUserDecisions(stack, CLOUDFRONT_DECISIONS);
  expect(checkovSkips(stack)).toEqual(['CKV_AWS_174', 'CKV_AWS_86']);
  const [dist] = Object.values(Template.fromStack(stack).findResources('AWS::CloudFront::Distribution'));
  expect(dist.Metadata.cdk_nag.rules_to_suppress.map((r: { id: string }) => r.id).sort()).toEqual(['AwsSolutions-CFR3', 'AwsSolutions-CFR4']);
});

test('each CloudFront decision needs a reason of at least 10 characters', () => {
  expect(() => Blueprints.acknowledgeUserDecisions(testStack(), { noGeoRestriction: 'no' })).toThrow(/LBP_USER_DECISION_REASON.*userDecisions\.noGeoRestriction/);
});
