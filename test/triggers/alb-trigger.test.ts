import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';

import { functionStack, template } from './fixtures';
import { AlbTriggerOptions, FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR } from '../helpers/template';

const LISTENER_ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2';

function importedListener(stack: Stack): elbv2.IApplicationListener {
  return elbv2.ApplicationListener.fromApplicationListenerAttributes(stack, 'Listener', {
    listenerArn: LISTENER_ARN,
    securityGroup: ec2.SecurityGroup.fromSecurityGroupId(stack, 'AlbSg', 'sg-0123456789abcdef0'),
  });
}
const API_PATHS = [elbv2.ListenerCondition.pathPatterns(['/api/*'])];

describe('Trigger.alb on an imported listener', () => {
  const { stack, fn } = functionStack();
  const trigger = Trigger.alb({ listener: importedListener(stack), priority: 10, conditions: API_PATHS });
  fn.addTrigger(trigger);
  const t = template(stack);
  const aliasRef = stack.resolve((fn.alias.node.defaultChild as any).ref);

  test('a Lambda target group holds the live alias, health checks off by default', () => {
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      TargetType: 'lambda',
      Targets: [{ Id: aliasRef }],
      HealthCheckEnabled: false,
    });
  });

  test('a listener rule forwards the matching requests', () => {
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      ListenerArn: LISTENER_ARN,
      Priority: 10,
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }],
      Actions: [{ Type: 'forward', TargetGroupArn: stack.resolve(trigger.targetGroup.targetGroupArn) }],
    });
  });

  test('only the load balancer service may invoke the alias, before the target group registers it', () => {
    t.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'elasticloadbalancing.amazonaws.com',
      FunctionName: aliasRef,
    });
    const permissionId = Object.keys(t.findResources('AWS::Lambda::Permission'))[0];
    t.hasResource('AWS::ElasticLoadBalancingV2::TargetGroup', { DependsOn: Match.arrayWith([permissionId]) });
  });

  test('the 1 MB payload limit is noted', () => {
    Annotations.fromStack(stack).hasInfo('*', Match.stringLikeRegexp('at most 1 MB'));
  });

  test('zero unacknowledged cdk-nag findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('Trigger.alb options', () => {
  test('health check and multi-value headers', () => {
    const { stack, fn } = functionStack();
    fn.addTrigger(Trigger.alb({
      listener: importedListener(stack),
      priority: 1,
      conditions: API_PATHS,
      healthCheck: { enabled: true, path: '/health', interval: Duration.minutes(1) },
      multiValueHeadersEnabled: true,
    }));
    template(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      HealthCheckEnabled: true,
      HealthCheckPath: '/health',
      HealthCheckIntervalSeconds: 60,
      TargetGroupAttributes: Match.arrayWith([{ Key: 'lambda.multi_value_headers.enabled', Value: 'true' }]),
    });
  });

  test('the default action of a listener defined in the app', () => {
    const { stack, fn } = functionStack();
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
      vpcId: 'vpc-1', availabilityZones: ['us-east-1a', 'us-east-1b'], publicSubnetIds: ['subnet-1', 'subnet-2'],
    });
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc, internetFacing: false });
    const listener = alb.addListener('Http', { port: 80, open: false });
    fn.addTrigger(Trigger.alb({ listener }));
    template(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      DefaultActions: [{ Type: 'forward', TargetGroupArn: Match.anyValue() }],
    });
  });
});

describe('Trigger.alb validation', () => {
  const add = (options: AlbTriggerOptions, fnOptions: object = {}) => () => {
    const { stack, fn } = functionStack(fnOptions);
    fn.addTrigger(Trigger.alb({ listener: importedListener(stack), ...options }));
  };

  test('priority is 1-50,000', () => {
    expect(add({ priority: 0, conditions: API_PATHS })).toThrow(/LBP_ALB_PRIORITY.*priority is 0/);
    expect(add({ priority: 50001, conditions: API_PATHS })).toThrow(/LBP_ALB_PRIORITY/);
    expect(add({ priority: 50000, conditions: API_PATHS })).not.toThrow();
  });

  test('priority and conditions go together', () => {
    expect(add({ priority: 5 })).toThrow(/LBP_ALB_PRIORITY.*conditions is unset.*add conditions/);
    expect(add({ conditions: API_PATHS })).toThrow(/LBP_ALB_PRIORITY.*priority is unset/);
  });

  test('an imported listener needs a rule', () => {
    expect(add({})).toThrow(/LBP_ALB_PRIORITY.*imported listener/);
  });

  test('the function timeout must not exceed the idle timeout', () => {
    expect(add({ priority: 1, conditions: API_PATHS }, { timeout: Duration.seconds(61) }))
      .toThrow(/LBP_ALB_IDLE_TIMEOUT.*61 seconds.*idle timeout is 60 seconds.*loadBalancerIdleTimeout/);
    expect(add({ priority: 1, conditions: API_PATHS }, { timeout: Duration.seconds(60) })).not.toThrow();
    expect(add({ priority: 1, conditions: API_PATHS, loadBalancerIdleTimeout: Duration.minutes(5) }, { timeout: Duration.minutes(5) })).not.toThrow();
  });
});

describe('Trigger.alb on a shared listener', () => {
  test('two functions get their own rules and target groups', () => {
    const { stack, fn } = functionStack();
    const other = new ServerlessFunction(stack, 'Other', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    const listener = importedListener(stack);
    fn.addTrigger(Trigger.alb({ listener, priority: 1, conditions: API_PATHS }));
    other.addTrigger(Trigger.alb({ listener, priority: 2, conditions: [elbv2.ListenerCondition.pathPatterns(['/other/*'])] }));
    const t = template(stack);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::ListenerRule', 2);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 2);
  });
});
