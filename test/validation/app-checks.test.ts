import { App, Stack, Tags } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { FunctionCode, FunctionSecret, ServerlessFunction, Trigger } from '../../src';
import { HANDLER_DIR, testStack } from '../helpers/template';

/** Conflicts that only exist across constructs, checked once for the whole app at synth. */

const code = FunctionCode.fromAsset(HANDLER_DIR);
const synth = (stack: Stack) => () => (stack.node.root as App).synth();
const fn = (stack: Stack, id = 'Fn') => new ServerlessFunction(stack, id, { code });
function sourceQueue(stack: Stack): sqs.Queue {
  return new sqs.Queue(stack, 'Q', { deadLetterQueue: { queue: new sqs.Queue(stack, 'D'), maxReceiveCount: 5 } });
}

test('two mappings of one queue to one function are refused; one per function is fine', () => {
  const stack = testStack();
  const queue = sourceQueue(stack);
  const f = fn(stack);
  f.addTrigger(Trigger.sqs(queue));
  fn(stack, 'Other').addTrigger(Trigger.sqs(queue));
  expect(synth(stack)).not.toThrow();

  const again = testStack();
  const q2 = sourceQueue(again);
  const g = fn(again);
  g.addTrigger(Trigger.sqs(q2));
  g.addTrigger(Trigger.sqs(q2));
  expect(synth(again)).toThrow(/\[LBP_DUPLICATE_EVENT_SOURCE\] TestStack\/Fn\/SqsQ2/);
});

test('a second URL on the same alias, even one made with aws-cdk-lib directly, is refused', () => {
  const stack = testStack();
  const f = fn(stack);
  f.addTrigger(Trigger.functionUrl());
  expect(synth(stack)).not.toThrow();

  const again = testStack();
  const g = fn(again);
  g.addTrigger(Trigger.functionUrl());
  new lambda.FunctionUrl(again, 'MyUrl', { function: g.alias });
  expect(synth(again)).toThrow(/\[LBP_FUNCTION_URL_DUPLICATE\] TestStack\/MyUrl/);
});

test('two functions routed on the same key of one HTTP API are refused; distinct keys are fine', () => {
  const build = (second: string) => {
    const stack = testStack();
    const api = new apigwv2.HttpApi(stack, 'Api');
    fn(stack, 'A').addTrigger(Trigger.httpApi({ httpApi: api, routes: ['GET /orders'] }));
    fn(stack, 'B').addTrigger(Trigger.httpApi({ httpApi: api, routes: [second] }));
    return stack;
  };
  expect(synth(build('GET /items'))).not.toThrow();
  expect(synth(build('GET /orders'))).toThrow(/\[LBP_HTTP_API_ROUTE_DUPLICATE\].*a duplicate of TestStack\/A/);
});

test('two listener rules with one priority are refused; distinct priorities are fine', () => {
  const build = (second: number) => {
    const stack = testStack();
    const listener = elbv2.ApplicationListener.fromApplicationListenerAttributes(stack, 'L', {
      listenerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2',
      securityGroup: ec2.SecurityGroup.fromSecurityGroupId(stack, 'Sg', 'sg-0123456789abcdef0'),
    });
    fn(stack, 'A').addTrigger(Trigger.alb({ listener, priority: 1, conditions: [elbv2.ListenerCondition.pathPatterns(['/a'])] }));
    fn(stack, 'B').addTrigger(Trigger.alb({ listener, priority: second, conditions: [elbv2.ListenerCondition.pathPatterns(['/b'])] }));
    return stack;
  };
  expect(synth(build(2))).not.toThrow();
  expect(synth(build(1))).toThrow(/\[LBP_ALB_PRIORITY_DUPLICATE\]/);
});

test('a resource-based policy that grows past 20 KB is refused; a few permissions are fine', () => {
  const build = (n: number) => {
    const stack = testStack();
    const f = fn(stack);
    for (let i = 0; i < n; i++) {
      f.alias.addPermission(`Api${i}`, {
        principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
        sourceArn: `arn:aws:execute-api:us-east-1:123456789012:abcdefghij/*/GET/orders/route-number-${i}`,
      });
    }
    return stack;
  };
  expect(synth(build(20))).not.toThrow();
  expect(synth(build(120))).toThrow(/\[LBP_RESOURCE_POLICY_SIZE\].*from 120 permissions/);
});

test('an HTTP API\'s route-scoped permissions count their paths: 70 routes on one alias pass 20 KB and are refused; 40 fit', () => {
  // Each route adds a permission whose source ARN ends in the route's path (about 400 bytes as Lambda
  // stores it); counting unresolved ARNs as one short string let 70 routes (about 28 KB) through.
  const build = (n: number) => {
    const stack = testStack();
    fn(stack).addTrigger(Trigger.httpApi({ routes: Array.from({ length: n }, (_, i) => `GET /v1/customers/{customerId}/orders/route-${i}`) }));
    return stack;
  };
  expect(synth(build(40))).not.toThrow();
  expect(synth(build(70))).toThrow(/\[LBP_RESOURCE_POLICY_SIZE\] TestStack\/Fn\/HttpApi\/Route69\/Integration-Permission: resource-based policy is at least 2\d{4} bytes from 70 permissions/);
});

test('more than 50 tags on a resource are refused; 50 are fine', () => {
  const build = (n: number) => {
    const stack = testStack();
    fn(stack);
    for (let i = 0; i < n; i++) {
      Tags.of(stack).add(`team-tag-${i}`, 'x');
    }
    return stack;
  };
  expect(synth(build(50))).not.toThrow();
  expect(synth(build(51))).toThrow(/\[LBP_TAG_COUNT\].*51 tags/);
});

describe('a function in a VPC of the app, granted a service its subnets cannot reach, is warned', () => {
  const warnings = (stack: Stack) => Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('vpcEndpointMissing'));
  function build(opts: { nat: boolean; endpoint?: boolean }): Stack {
    const stack = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      natGateways: opts.nat ? 1 : 0,
      subnetConfiguration: opts.nat
        ? [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }, { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }]
        : [{ name: 'App', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    });
    if (opts.endpoint) {
      vpc.addInterfaceEndpoint('Secrets', { service: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER });
    }
    const secret = new secretsmanager.Secret(stack, 'S');
    new ServerlessFunction(stack, 'Fn', { code, vpc, secrets: { DB_SECRET: FunctionSecret.fromSecretsManager(secret) } });
    return stack;
  }

  test('isolated subnets without a Secrets Manager endpoint: a coded warning naming it', () => {
    const found = warnings(build({ nat: false }));
    expect(found).toHaveLength(1);
    expect(JSON.stringify(found[0].entry.data)).toMatch(/secretsmanager.*interface endpoint for secretsmanager/);
  });
  test('with the endpoint, or with a NAT route, no warning', () => {
    expect(warnings(build({ nat: false, endpoint: true }))).toHaveLength(0);
    expect(warnings(build({ nat: true }))).toHaveLength(0);
  });
});
