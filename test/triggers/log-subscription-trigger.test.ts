import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { testFunction } from './fixtures';
import { Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';
import { TEST_ENV, testStack } from '../helpers/template';

/** A log group the packs accept (retention, KMS), as a user's source. */
function appLogs(stack: Stack, id = 'AppLogs'): logs.LogGroup {
  const key = new kms.Key(stack, `${id}Key`, { enableKeyRotation: true });
  key.grantEncryptDecrypt(new iam.ServicePrincipal(`logs.${TEST_ENV.region}.amazonaws.com`));
  return new logs.LogGroup(stack, id, { retention: logs.RetentionDays.ONE_MONTH, encryptionKey: key });
}

describe('Trigger.logSubscription', () => {
  test('a subscription filter to the live alias, a permission scoped to the log group and account; no findings', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const group = appLogs(stack);
    const trigger = Trigger.logSubscription(group, logs.FilterPattern.anyTerm('ERROR', 'Exception'), { filterName: 'errors-to-fn' });
    fn.addTrigger(trigger);

    const t = Template.fromStack(stack);
    t.hasResource('AWS::Logs::SubscriptionFilter', {
      Properties: {
        LogGroupName: { Ref: Match.stringLikeRegexp('^AppLogs') },
        DestinationArn: { Ref: Match.stringLikeRegexp('FnLiveAlias') },
        FilterPattern: '?"ERROR" ?"Exception"',
        FilterName: 'errors-to-fn',
      },
      DependsOn: [Match.stringLikeRegexp('FnLogsAppLogsInvokePermission')],
    });
    t.resourceCountIs('AWS::Lambda::Permission', 1);
    t.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'logs.amazonaws.com',
      FunctionName: { Ref: Match.stringLikeRegexp('FnLiveAlias') },
      SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AppLogs'), 'Arn'] },
      SourceAccount: '123456789012',
    });
    expect(trigger.subscriptionFilter).toBeInstanceOf(logs.SubscriptionFilter);
    expect(trigger.permission.principal).toBe('logs.amazonaws.com');
    // Events the function fails on end in its dead-letter queue.
    expect(fn.triggers[0].failureQueues).toEqual([fn.deadLetterQueue]);
    Annotations.fromStack(stack).hasInfo('/TestStack/Fn/LogsAppLogs', Match.stringLikeRegexp('DeliveryErrors'));
    expect(nagFindings(stack)).toEqual([]);
  });

  test('the delivery note names the filter when filterName is fixed, and says the name is generated only when it is', () => {
    const stack = testStack();
    testFunction(stack).addTrigger(Trigger.logSubscription(appLogs(stack), logs.FilterPattern.allEvents(), { filterName: 'errors-to-fn' }));
    testFunction(stack, {}, 'Unnamed').addTrigger(Trigger.logSubscription(appLogs(stack, 'OtherLogs'), logs.FilterPattern.allEvents()));
    const notes = (path: string) => Annotations.fromStack(stack).findInfo(path, Match.stringLikeRegexp('DeliveryErrors')).map((m) => String(m.entry.data));
    const named = notes('/TestStack/Fn/LogsAppLogs');
    expect(named).toHaveLength(1);
    expect(named[0]).toContain('of the filter "errors-to-fn" (FilterName) on this log group');
    expect(named[0]).not.toMatch(/generate/);
    const unnamed = notes('/TestStack/Unnamed/LogsOtherLogs');
    expect(unnamed).toHaveLength(1);
    expect(unnamed[0]).toContain('whose name CloudFormation generates at deploy time');
  });

  test('refuses the function\'s own log group (a loop), also when imported by its name', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    expect(() => fn.addTrigger(Trigger.logSubscription(fn.logGroup, logs.FilterPattern.allEvents()))).toThrow(/LBP_LOG_SUBSCRIPTION_LOOP/);
    const named = testFunction(stack, {}, 'Named');
    const sameByName = logs.LogGroup.fromLogGroupName(stack, 'Same', named.logGroup.logGroupName);
    expect(() => named.addTrigger(Trigger.logSubscription(sameByName, logs.FilterPattern.allEvents()))).toThrow(/LBP_LOG_SUBSCRIPTION_LOOP/);
    Template.fromStack(stack).resourceCountIs('AWS::Logs::SubscriptionFilter', 0);
  });

  test('two filters per log group across the app: the third is refused, also from another function', () => {
    const stack = testStack();
    const group = appLogs(stack);
    testFunction(stack, {}, 'A').addTrigger(Trigger.logSubscription(group, logs.FilterPattern.allEvents()));
    testFunction(stack, {}, 'B').addTrigger(Trigger.logSubscription(group, logs.FilterPattern.literal('ERROR')));
    const c = testFunction(stack, {}, 'C');
    expect(() => c.addTrigger(Trigger.logSubscription(group, logs.FilterPattern.allEvents())))
      .toThrow(/LBP_LOG_SUBSCRIPTION_QUOTA[\s\S]*already has 2 subscription filters/);
    // Another log group still has room.
    c.addTrigger(Trigger.logSubscription(appLogs(stack, 'Other'), logs.FilterPattern.allEvents()));
    Template.fromStack(stack).resourceCountIs('AWS::Logs::SubscriptionFilter', 3);
  });

  test('imports of one log group by name count together, in any stack of the app', () => {
    const app = new App();
    const s1 = new Stack(app, 'One', { env: TEST_ENV });
    const s2 = new Stack(app, 'Two', { env: TEST_ENV });
    const name = '/aws/ecs/orders';
    testFunction(s1, {}, 'A').addTrigger(Trigger.logSubscription(logs.LogGroup.fromLogGroupName(s1, 'G', name), logs.FilterPattern.allEvents()));
    testFunction(s2, {}, 'B').addTrigger(Trigger.logSubscription(logs.LogGroup.fromLogGroupName(s2, 'G', name), logs.FilterPattern.allEvents()));
    const c = testFunction(s2, {}, 'C');
    expect(() => c.addTrigger(Trigger.logSubscription(logs.LogGroup.fromLogGroupName(s2, 'G2', name), logs.FilterPattern.allEvents())))
      .toThrow(/LBP_LOG_SUBSCRIPTION_QUOTA/);
    // A separate app starts from zero.
    const other = testStack();
    testFunction(other).addTrigger(Trigger.logSubscription(logs.LogGroup.fromLogGroupName(other, 'G', name), logs.FilterPattern.allEvents()));
  });

  test('refuses a log group in another Region', () => {
    const app = new App();
    const here = new Stack(app, 'Here', { env: TEST_ENV });
    const there = new Stack(app, 'There', { env: { ...TEST_ENV, region: 'eu-west-1' } });
    const group = new logs.LogGroup(there, 'Far');
    expect(() => testFunction(here).addTrigger(Trigger.logSubscription(group, logs.FilterPattern.allEvents()))).toThrow(/LBP_LOG_SUBSCRIPTION_ENV/);
  });

  test('filter pattern at most 1,024 characters; filter names without : and *', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const group = appLogs(stack);
    const pattern = (n: number) => logs.FilterPattern.literal(`"${'x'.repeat(n - 2)}"`);
    expect(() => fn.addTrigger(Trigger.logSubscription(group, pattern(1025)))).toThrow(/LBP_LOG_SUBSCRIPTION_FILTER[\s\S]*1025 characters/);
    expect(() => fn.addTrigger(Trigger.logSubscription(group, pattern(10), { filterName: 'a:b' }))).toThrow(/LBP_LOG_SUBSCRIPTION_FILTER/);
    expect(() => fn.addTrigger(Trigger.logSubscription(group, pattern(10), { filterName: 'n'.repeat(513) }))).toThrow(/LBP_LOG_SUBSCRIPTION_FILTER/);
    fn.addTrigger(Trigger.logSubscription(group, pattern(1024), { filterName: 'n'.repeat(512) }));
    Template.fromStack(stack).resourceCountIs('AWS::Logs::SubscriptionFilter', 1);
  });

  test('one function per trigger; properties need addTrigger first', () => {
    const stack = testStack();
    const trigger = Trigger.logSubscription(appLogs(stack), logs.FilterPattern.allEvents());
    expect(() => trigger.subscriptionFilter).toThrow(/\[LBP_TRIGGER_NOT_ADDED\].*fn\.addTrigger\(trigger\) first/);
    testFunction(stack).addTrigger(trigger);
    expect(() => testFunction(stack, {}, 'Other').addTrigger(trigger)).toThrow(/one function only/);
  });
});
