import * as path from 'path';
import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import {
  AsyncDestination, FunctionAlarms, FunctionCode, FunctionDeployment, FunctionLayer, FunctionMetrics, FunctionSecret,
  ServerlessFunction, ServerlessFunctionOptions, Trigger, TriggerSchedule,
} from '../../src';
import { HANDLER_DIR, testStack } from '../helpers/template';

/**
 * The classes of bad input that used to get through (accepted at synth, refused at deploy or
 * deployed broken), each tested on both sides of its limit.
 */

const code = FunctionCode.fromAsset(HANDLER_DIR);
const LAYER_DIR = path.join(__dirname, '..', 'fixtures', 'layer');
const IMAGE_DIR = path.join(__dirname, '..', 'fixtures', 'image');

function fn(options: ServerlessFunctionOptions = {}) {
  const stack = testStack();
  return { stack, fn: new ServerlessFunction(stack, 'Fn', { code, ...options }) };
}
const build = (options: ServerlessFunctionOptions) => () => fn(options);
const withTrigger = (make: (f: ServerlessFunction) => Parameters<ServerlessFunction['addTrigger']>[0], options: ServerlessFunctionOptions = {}) => () => {
  const { fn: f } = fn(options);
  f.addTrigger(make(f));
};

describe('the environment is measured as Lambda serializes it (the JSON of the variables, 4 KB)', () => {
  // {"BIG":"x...x"} is 10 bytes plus the value.
  test('4,096 bytes of JSON are accepted', () => {
    const { stack } = fn({ environment: { BIG: 'x'.repeat(4086) } });
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::Function', 1);
  });
  test('4,097 bytes of JSON are refused (keys plus values alone would be 4,090)', () => {
    expect(build({ environment: { BIG: 'x'.repeat(4087) } })).toThrow(/LBP_ENV_SIZE.*4097 bytes/);
  });
  test('characters JSON escapes count as escaped', () => {
    // Each " becomes \" (2 bytes): {"QQ":"..."} is 9 bytes plus 2 per quote.
    expect(build({ environment: { QQ: '"'.repeat(2044) } })).toThrow(/LBP_ENV_SIZE.*4097 bytes/);
    fn({ environment: { QQ: '"'.repeat(2043) } });
  });
});

describe('a secret\'s value in a plain variable is refused (secrets go by reference)', () => {
  test('a SecretValue unwrapped into the environment', () => {
    const stack = testStack();
    const secret = new secretsmanager.Secret(stack, 'S');
    expect(() => new ServerlessFunction(stack, 'Fn', { code, environment: { PASSWORD: secret.secretValue.unsafeUnwrap() } }))
      .toThrow(/LBP_ENV_SECRET_VALUE.*environment\.PASSWORD/);
  });
  test('a dynamic reference written by hand', () => {
    expect(build({ environment: { PASSWORD: '{{resolve:secretsmanager:prod/db:SecretString:password}}' } })).toThrow(/LBP_ENV_SECRET_VALUE/);
    expect(build({ environment: { KEY: '{{resolve:ssm-secure:/prod/key}}' } })).toThrow(/LBP_ENV_SECRET_VALUE/);
  });
  test('the secret\'s ARN or name (a reference) is accepted', () => {
    const stack = testStack();
    const secret = new secretsmanager.Secret(stack, 'S');
    new ServerlessFunction(stack, 'Fn', { code, environment: { SECRET_ARN: secret.secretArn, PLAIN: '{{resolve:ssm:/prod/param}}' } });
  });
});

describe('settings silently dropped without their companion are refused', () => {
  test('vpcSubnets or securityGroups without vpc', () => {
    expect(build({ vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } })).toThrow(/LBP_VPC_REQUIRED.*vpcSubnets/);
    const stack = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc');
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc });
    expect(() => new ServerlessFunction(stack, 'Fn', { code, securityGroups: [sg] })).toThrow(/LBP_VPC_REQUIRED.*securityGroups/);
    new ServerlessFunction(stack, 'Fn', { code, vpc, securityGroups: [sg] });
  });
  test('API settings given together with an existing httpApi', () => {
    const make = (options: object) => withTrigger((f) => Trigger.httpApi({ httpApi: new apigwv2.HttpApi(f, 'Mine'), ...options }));
    expect(make({ apiName: 'orders' })).toThrow(/LBP_SETTING_IGNORED.*apiName/);
    expect(make({ throttlingRateLimit: 10 })).toThrow(/LBP_SETTING_IGNORED.*throttlingRateLimit/);
    make({ routes: ['GET /orders'] })();
  });
  test('layers on a container image', () => {
    const stack = testStack();
    const layer = new FunctionLayer(stack, 'L', { path: LAYER_DIR });
    expect(() => new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromImageAsset(IMAGE_DIR), layers: [layer] }))
      .toThrow(/LBP_LAYER_ON_IMAGE/);
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromImageAsset(IMAGE_DIR) });
  });
});

describe('cron: semantics and correct fixes', () => {
  const schedule = (expression: string) => withTrigger(() => Trigger.schedule(TriggerSchedule.cron(expression)));
  test('a 5-field Unix cron gets the EventBridge form with day names (1-5 is MON-FRI, not SUN-THU)', () => {
    expect(schedule('0 2 * * 1-5')).toThrow(/write cron\(0 2 \? \* MON-FRI \*\)/);
    expect(schedule('0 2 * * 0')).toThrow(/write cron\(0 2 \? \* SUN \*\)/);
    expect(schedule('0 2 * * 5-7')).toThrow(/write cron\(0 2 \? \* FRI,SAT,SUN \*\)/);
    expect(schedule('30 6 1 * *')).toThrow(/write cron\(30 6 1 \* \? \*\)/);
  });
  test('the suggested fix is itself accepted', () => {
    schedule('cron(0 2 ? * MON-FRI *)')();
    schedule('cron(0 2 ? * FRI,SAT,SUN *)')();
  });
  test('dates that never exist are refused; the last day that exists is accepted', () => {
    expect(schedule('cron(0 0 30 2 ? *)')).toThrow(/LBP_SCHEDULE_CRON.*never fires.*day 30 of FEB/);
    expect(schedule('cron(0 0 31 4,6,9,11 ? *)')).toThrow(/LBP_SCHEDULE_CRON.*never fires/);
    schedule('cron(0 0 29 2 ? *)')();
    schedule('cron(0 0 31 4,5 ? *)')();
    schedule('cron(0 0 L 2 ? *)')();
    schedule('cron(0 0 30-31 1/2 ? *)')();
  });
  test('L, W and # in their fields are accepted; out-of-range ones are refused', () => {
    schedule('cron(0 0 15W * ? *)')();
    schedule('cron(0 0 ? * 6L *)')();
    schedule('cron(0 0 ? * MON#2 *)')();
    expect(schedule('cron(0 0 32W * ? *)')).toThrow(/LBP_SCHEDULE_CRON/);
    expect(schedule('cron(0 0 ? * MON#6 *)')).toThrow(/LBP_SCHEDULE_CRON/);
  });
});

describe('alarm evaluation windows exactly as CloudWatch defines them', () => {
  const alarm = (period: Duration, evaluationPeriods: number) => build({ alarms: { errors: { period, evaluationPeriods, datapointsToAlarm: 1 } } });
  test('a period of an hour or more may evaluate up to 7 days (this used to be refused)', () => {
    alarm(Duration.hours(1), 48)();
    alarm(Duration.hours(1), 168)();
    expect(alarm(Duration.hours(1), 169)).toThrow(/LBP_ALARM_EVALUATION_RANGE.*seven days/);
  });
  test('a period under an hour may evaluate up to 1 day', () => {
    alarm(Duration.minutes(1), 1440)();
    expect(alarm(Duration.minutes(1), 1441)).toThrow(/LBP_ALARM_EVALUATION_RANGE.*one day/);
    alarm(Duration.seconds(10), 8640)();
    expect(alarm(Duration.seconds(10), 8641)).toThrow(/LBP_ALARM_EVALUATION_RANGE/);
  });
  test('evaluationPeriods is a whole number of at least 1', () => {
    expect(alarm(Duration.minutes(1), 0)).toThrow(/LBP_ALARM_EVALUATION_PERIODS/);
    expect(alarm(Duration.minutes(1), 1.5)).toThrow(/LBP_ALARM_EVALUATION_PERIODS/);
    alarm(Duration.minutes(1), 1)();
  });
  test('periods are 10 or 30 s or whole minutes (CloudWatch also takes 20 s; aws-cdk-lib metrics do not)', () => {
    alarm(Duration.seconds(30), 3)();
    expect(alarm(Duration.seconds(20), 3)).toThrow(/LBP_ALARM_PERIOD.*aws-cdk-lib/);
    expect(alarm(Duration.seconds(45), 3)).toThrow(/LBP_ALARM_PERIOD/);
  });
});

describe('CORS', () => {
  test('HTTP API: credentials need explicit origins; preflight cache up to one day', () => {
    const api = (corsPreflight: apigwv2.CorsPreflightOptions) => withTrigger(() => Trigger.httpApi({ corsPreflight }));
    expect(api({ allowOrigins: ['*'], allowCredentials: true })).toThrow(/LBP_CORS.*corsPreflight\.allowCredentials/);
    api({ allowOrigins: ['https://app.example.com'], allowCredentials: true })();
    api({ allowOrigins: ['https://app.example.com'], maxAge: Duration.days(1) })();
    expect(api({ allowOrigins: ['https://app.example.com'], maxAge: Duration.seconds(86_401) })).toThrow(/LBP_CORS.*maxAge/);
  });
  test('function URL: the same rules, coded instead of aws-cdk-lib\'s error', () => {
    const url = (cors: object) => withTrigger(() => Trigger.functionUrl({ cors }));
    expect(url({ allowedOrigins: ['*'], allowCredentials: true })).toThrow(/LBP_CORS/);
    url({ allowedOrigins: ['https://app.example.com'], allowCredentials: true, maxAge: Duration.days(1) })();
    expect(url({ allowedOrigins: ['https://app.example.com'], maxAge: Duration.seconds(86_401) })).toThrow(/\[LBP_CORS\]/);
  });
});

describe('EventBridge and Scheduler dead-letter queues are standard queues', () => {
  test('a FIFO queue is refused for a rule target and a schedule; a standard one is accepted', () => {
    const rule = (fifo: boolean) => withTrigger((f) => Trigger.eventRule({
      eventPattern: { source: ['my.app'] }, deadLetterQueue: new sqs.Queue(f, 'Dlq', { fifo: fifo || undefined }),
    }));
    expect(rule(true)).toThrow(/LBP_FIFO_FAILURE_QUEUE.*EventBridge/);
    rule(false)();
    const schedule = (fifo: boolean) => withTrigger((f) => Trigger.schedule(TriggerSchedule.rate(Duration.hours(1)), {
      deadLetterQueue: new sqs.Queue(f, 'Dlq', { fifo: fifo || undefined }),
    }));
    expect(schedule(true)).toThrow(/LBP_FIFO_FAILURE_QUEUE.*Scheduler/);
    schedule(false)();
  });
});

describe('names with characters AWS refuses', () => {
  const listener = (f: ServerlessFunction) => elbv2.ApplicationListener.fromApplicationListenerAttributes(f, 'L', {
    listenerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2',
    securityGroup: ec2.SecurityGroup.fromSecurityGroupId(f, 'Sg', 'sg-0123456789abcdef0'),
  });
  const alb = (targetGroupName: string) => withTrigger((f) => Trigger.alb({
    listener: listener(f), priority: 1, conditions: [elbv2.ListenerCondition.pathPatterns(['/a'])], targetGroupName,
  }));
  test('target group names', () => {
    alb('orders-1')();
    alb('x'.repeat(32))();
    expect(alb('x'.repeat(33))).toThrow(/LBP_ALB_TARGET_GROUP_NAME/);
    expect(alb('-orders')).toThrow(/LBP_ALB_TARGET_GROUP_NAME.*'orders'/);
    expect(alb('orders_1')).toThrow(/LBP_ALB_TARGET_GROUP_NAME.*'orders-1'/);
  });
  test('rule names', () => {
    const rule = (ruleName: string) => withTrigger(() => Trigger.eventRule({ eventPattern: { source: ['a'] }, ruleName }));
    rule('orders.rule_1-a')();
    rule('x'.repeat(64))();
    expect(rule('x'.repeat(65))).toThrow(/LBP_EVENT_RULE_NAME/);
    expect(rule('orders rule')).toThrow(/LBP_EVENT_RULE_NAME/);
  });
  test('schedule group names', () => {
    const group = (groupName: string) => withTrigger(() => Trigger.schedule(TriggerSchedule.rate(Duration.hours(1)), { groupName }));
    group('jobs.nightly_1')();
    expect(group('jobs/nightly')).toThrow(/LBP_SCHEDULE_NAME/);
  });
  test('handlers', () => {
    fn({ handler: 'index.handler' });
    fn({ handler: 'index.handlers.main' });
    expect(build({ handler: 'src/index.handler' })).toThrow(/LBP_HANDLER_FILE.*src\/index.js, src\/index.mjs, src\/index.cjs/);
    expect(build({ handler: 'index handler' })).toThrow(/LBP_HANDLER/);
    expect(build({ handler: 'x'.repeat(129) })).toThrow(/LBP_HANDLER/);
  });
  test('layer names, descriptions and a missing directory', () => {
    const layer = (props: object) => () => new FunctionLayer(testStack(), 'L', { path: LAYER_DIR, ...props });
    layer({ layerVersionName: 'x'.repeat(140) })();
    expect(layer({ layerVersionName: 'x'.repeat(141) })).toThrow(/LBP_LAYER_NAME/);
    expect(layer({ layerVersionName: 'my layer' })).toThrow(/LBP_LAYER_NAME.*'my-layer'/);
    expect(layer({ description: 'x'.repeat(257) })).toThrow(/LBP_DESCRIPTION/);
    expect(layer({ path: '/no/such/layer' })).toThrow(/LBP_LAYER_PATH/);
  });
});

describe('factories and helper classes never throw a TypeError on values of the wrong type', () => {
  test('AsyncDestination and FunctionSecret factories: reported by the function that is given them', () => {
    expect(build({ onFailure: AsyncDestination.queue(null as any) }))
      .toThrow(/\[LBP_PROP_TYPE\] TestStack\/Fn: onFailure is AsyncDestination.queue was given null; it takes an SQS queue/);
    expect(build({ onSuccess: AsyncDestination.topic('arn:aws:sns:us-east-1:123456789012:t' as any) })).toThrow(/onSuccess is AsyncDestination.topic was given a string/);
    expect(build({ onFailure: 'queue' as any })).toThrow(/onFailure is 'queue' \(a string\); it must be an object/);
    expect(build({ secrets: { DB: FunctionSecret.fromSecretsManager(undefined as any) } }))
      .toThrow(/\[LBP_PROP_TYPE\] TestStack\/Fn: secrets\['DB'\] is FunctionSecret.fromSecretsManager was given undefined/);
    expect(build({ secrets: { DB: FunctionSecret.fromSsmParameter(5 as any) } })).toThrow(/fromSsmParameter was given a number; it takes an SSM parameter/);
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code, onFailure: AsyncDestination.queue(new sqs.Queue(stack, 'Q')) });
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::EventInvokeConfig', 1);
  });

  test('FunctionMetrics, FunctionAlarms and FunctionDeployment check their required props', () => {
    const { stack, fn: f } = fn();
    expect(() => new FunctionMetrics(null as any)).toThrow(/\[LBP_PROP_TYPE\] FunctionMetrics: props is null/);
    expect(() => new FunctionMetrics({ function: f.unqualifiedFunction, alias: {} as any })).toThrow(/FunctionMetrics: alias is/);
    expect(() => new FunctionAlarms(stack, 'A', { function: f.unqualifiedFunction, alias: f.alias, timeout: 30 as any, alarmTopic: f.alarmTopic }))
      .toThrow(/\[LBP_PROP_TYPE\] TestStack\/A: timeout is 30 \(a number\); it must be a Duration/);
    expect(() => new FunctionDeployment(stack, 'D', { function: f.unqualifiedFunction, alias: 'live' as any }))
      .toThrow(/\[LBP_PROP_TYPE\] TestStack\/D: alias is 'live' \(a string\); it must be a construct/);
    expect(stack.node.tryFindChild('A')).toBeUndefined();
    expect(stack.node.tryFindChild('D')).toBeUndefined();
    new FunctionAlarms(stack, 'A', { function: f.unqualifiedFunction, alias: f.alias, timeout: Duration.seconds(30), alarmTopic: f.alarmTopic });
  });
});

describe('a trigger factory\'s required argument missing or of the wrong type (JavaScript, Python None)', () => {
  const cases: [string, (v: any) => Parameters<ServerlessFunction['addTrigger']>[0], string][] = [
    ['Trigger.sqs(queue)', (v) => Trigger.sqs(v), 'construct'],
    ['Trigger.kinesis(stream)', (v) => Trigger.kinesis(v), 'construct'],
    ['Trigger.sns(topic)', (v) => Trigger.sns(v), 'construct'],
    ['Trigger.dynamoDbStream(table)', (v) => Trigger.dynamoDbStream(v), 'construct'],
    ['Trigger.s3(bucket)', (v) => Trigger.s3(v), 'construct'],
    ['Trigger.logSubscription(logGroup)', (v) => Trigger.logSubscription(v, undefined as any), 'construct'],
    ['Trigger.iotRule(sql)', (v) => Trigger.iotRule(v), 'string'],
  ];
  test.each(cases)('%s undefined, or of another type, is LBP_PROP_TYPE named at the function; nothing is created', (argument, make, expected) => {
    const escaped = argument.replace(/[()]/g, '\\$&');
    for (const [value, shown] of [[undefined, 'undefined'], [expected === 'string' ? 42 : 'arn:aws:sqs:us-east-1:123456789012:q', '']] as const) {
      const { stack, fn: f } = fn({ timeout: Duration.seconds(5) });
      const before = f.node.children.length;
      expect(() => f.addTrigger(make(value))).toThrow(new RegExp(`\\[LBP_PROP_TYPE\\] TestStack/Fn: ${escaped} is ${shown}.*it must be a ${expected}`));
      expect(f.node.children.length).toBe(before);
      expect(stack.node.tryFindChild('Fn')).toBe(f);
    }
  });
});
