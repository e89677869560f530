import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { FunctionCode, ITrigger, ServerlessFunction, ServerlessFunctionProps, TriggerConfig } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

function fn(props: Partial<ServerlessFunctionProps> = {}) {
  const stack = testStack();
  const f = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), ...props });
  return { stack, f };
}

/** A tiny trigger that only reports back (the real ones live in src/triggers). */
class FakeTrigger implements ITrigger {
  constructor(private readonly config: TriggerConfig) {}
  public bind(_target: ServerlessFunction): TriggerConfig {
    return this.config;
  }
}

const topicAction = [{ Ref: Match.stringLikeRegexp('^BlueprintAlarmTopic') }];

describe('default: one combined metric-math alarm', () => {
  const { stack, f } = fn();
  const t = Template.fromStack(stack);
  const alarms = Object.values(t.findResources('AWS::CloudWatch::Alarm'));

  test('a single alarm, every signal with its own threshold, 5-minute periods, 1 of 1', () => {
    t.resourceCountIs('AWS::CloudWatch::Alarm', 1);
    expect(f.alarms.combined).toBeDefined();
    expect(f.alarms.all).toEqual([f.alarms.combined]);
    expect(f.deadLetterQueueAlarm).toBe(f.alarms.combined);
    expect(f.deadLetterQueueAgeAlarm).toBeUndefined();
    expect(f.alarms.errors).toBeUndefined();
    const p = alarms[0].Properties;
    expect(p).toMatchObject({
      Threshold: 1,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: topicAction.map(() => expect.objectContaining({ Ref: expect.stringMatching(/^BlueprintAlarmTopic/) })),
    });
    expect(p.Metrics[0]).toEqual({
      Id: 'expr_1',
      Label: 'Signals past their threshold',
      ReturnData: true,
      Expression: '(FILL(errorRate, 0) >= 1) + (FILL(throttleRate, 0) >= 1) + (FILL(p99, 0) >= 24000) + (FILL(dropped, 0) >= 1)'
        + ' + (FILL(deliveries, 0) >= 1) + (FILL(recursion, 0) >= 1) + (FILL(dlqDepth, 0) >= 1) + (FILL(dlqAge, 0) >= 864000)',
    });
  });

  test('it reads 10 metrics (CloudWatch\'s limit per metric-math alarm), all at 300 s', () => {
    const stats = alarms[0].Properties.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat);
    expect(stats.map((m: any) => m.Metric.MetricName).sort()).toEqual([
      'ApproximateAgeOfOldestMessage', 'ApproximateNumberOfMessagesVisible', 'AsyncEventsDropped', 'DeadLetterErrors',
      'DestinationDeliveryFailures', 'Duration', 'Errors', 'Invocations', 'RecursiveInvocationsDropped', 'Throttles',
    ]);
    expect(new Set(stats.map((m: any) => m.Period))).toEqual(new Set([300]));
    expect(stats.find((m: any) => m.Metric.MetricName === 'Duration').Stat).toBe('p99');
  });

  test('the description names every signal and its threshold', () => {
    expect(alarms[0].Properties.AlarmDescription).toMatch(/error rate >= 1 %.*throttle rate >= 1 %.*24000 ms.*dead-letter queue >= 1.*864000 s/);
  });

  test('tuning a threshold keeps the signal combined; tuning its evaluation gives it its own alarm', () => {
    const tuned = fn({ alarms: { errors: { threshold: 5 }, throttles: { period: Duration.minutes(1), evaluationPeriods: 3 } } });
    const tt = Template.fromStack(tuned.stack);
    tt.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    expect(tuned.f.alarms.throttles).toBeDefined();
    tt.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([Match.objectLike({ Expression: Match.stringLikeRegexp('^\\(FILL\\(errorRate, 0\\) >= 5\\) \\+ \\(FILL\\(p99') })]),
    });
    tt.hasResourceProperties('AWS::CloudWatch::Alarm', {
      EvaluationPeriods: 3,
      Metrics: Match.arrayWith([Match.objectLike({ Expression: '100 * throttles / (invocations + throttles)', ReturnData: true })]),
    });
  });

  test('turning one signal off drops it from the expression; the DLQ depth stays', () => {
    const off = fn({ alarms: { errors: { enabled: false }, deadLetterQueueAge: { enabled: false } } });
    const expr = Object.values(Template.fromStack(off.stack).findResources('AWS::CloudWatch::Alarm'))[0].Properties.Metrics[0].Expression;
    expect(expr).not.toMatch(/errorRate|dlqAge/);
    expect(expr).toMatch(/dlqDepth/);
  });

  test('a tuned DLQ age evaluation gets the queue\'s own age alarm', () => {
    const aged = fn({ alarms: { deadLetterQueueAge: { period: Duration.minutes(15) } } });
    expect(aged.f.deadLetterQueueAgeAlarm).toBeDefined();
    Template.fromStack(aged.stack).resourceCountIs('AWS::CloudWatch::Alarm', 2);
  });

  test('with a deployment, errors and duration keep their own alarms to roll back on', () => {
    const d = fn({ deployment: {} });
    expect(d.f.alarms.rollbackAlarms).toEqual([d.f.alarms.errors, d.f.alarms.duration]);
    expect(d.f.alarms.errors).toBeDefined();
    expect(d.f.alarms.combined).toBeDefined();
  });

  test('combined: false gives each signal its own alarm (8)', () => {
    Template.fromStack(fn({ alarms: { combined: false } }).stack).resourceCountIs('AWS::CloudWatch::Alarm', 8);
  });

  test('nag clean', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('separate alarms (combined: false)', () => {
  const { stack, f } = fn({ alarms: { combined: false } });
  const t = Template.fromStack(stack);

  test('one alarm per signal, plus the DLQ depth and age alarms', () => {
    // errors, throttles, duration, async dropped, delivery failures, recursive invocations dropped + DLQ depth + DLQ age
    t.resourceCountIs('AWS::CloudWatch::Alarm', 8);
    expect(f.alarms.all).toHaveLength(6);
    expect(f.alarms.iteratorAge).toBeUndefined();
    expect(f.alarms.provisionedConcurrencySpillover).toBeUndefined();
  });

  test('every alarm notifies the alarm topic', () => {
    for (const alarm of Object.values(t.findResources('AWS::CloudWatch::Alarm'))) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^BlueprintAlarmTopic/) }]);
      expect(alarm.Properties.TreatMissingData).toBe('notBreaching');
    }
  });

  test('errors: error rate of the live alias >= 1 %, 3 of 5 minutes', () => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 1,
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: '100 * errors / invocations' }),
        Match.objectLike({
          Id: 'errors',
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({
              MetricName: 'Errors',
              Namespace: 'AWS/Lambda',
              Dimensions: Match.arrayWith([Match.objectLike({ Name: 'Resource' })]),
            }),
            Period: 60,
            Stat: 'Sum',
          }),
        }),
      ]),
    });
  });

  test('throttles: throttle rate >= 1 %', () => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 1,
      Metrics: Match.arrayWith([Match.objectLike({ Expression: '100 * throttles / (invocations + throttles)' })]),
    });
  });

  test('duration: p99 >= 80 % of the 30 s timeout', () => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Duration',
      ExtendedStatistic: 'p99',
      Period: 60,
      Threshold: 24000,
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
    });
  });

  test('async events dropped >= 1 in a minute', () => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'AsyncEventsDropped', Statistic: 'Sum', Period: 60, Threshold: 1, EvaluationPeriods: 1,
    });
  });

  test('delivery failures: DLQ errors + destination delivery failures >= 1', () => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 1,
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'FILL(dlq, 0) + FILL(destinations, 0)' }),
        Match.objectLike({ MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'DeadLetterErrors' }) }) }),
        Match.objectLike({ MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'DestinationDeliveryFailures' }) }) }),
      ]),
    });
  });

  test('DLQ age of oldest message >= 10 days', () => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateAgeOfOldestMessage',
      Namespace: 'AWS/SQS',
      Statistic: 'Maximum',
      Period: 300,
      Threshold: 864000,
      AlarmActions: topicAction,
    });
  });

  test('rollback alarms are errors and duration', () => {
    expect(f.alarms.rollbackAlarms).toEqual([f.alarms.errors, f.alarms.duration]);
  });

  test('nag clean', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('overrides and switches', () => {
  test('a threshold, period and evaluation can be overridden', () => {
    const { stack } = fn({ alarms: { errors: { threshold: 5, period: Duration.minutes(5), evaluationPeriods: 2 } } });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 5,
      EvaluationPeriods: 2,
      DatapointsToAlarm: 2,
      Metrics: Match.arrayWith([Match.objectLike({ Id: 'errors', MetricStat: Match.objectLike({ Period: 300 }) })]),
    });
  });

  test('one alarm can be turned off', () => {
    const { stack, f } = fn({ alarms: { combined: false, throttles: { enabled: false }, deadLetterQueueAge: { enabled: false } } });
    expect(f.alarms.throttles).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Alarm', 6);
  });

  test('all alarms off leaves only the DLQ depth alarm', () => {
    const { stack, f } = fn({ alarms: { enabled: false } });
    expect(f.alarms.all).toEqual([]);
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 1);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible' });
  });

  test('duration threshold follows the timeout', () => {
    const { stack } = fn({ timeout: Duration.seconds(10), alarms: { combined: false, duration: { threshold: 50 } } });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Duration', Threshold: 5000 });
  });
});

describe('validation', () => {
  test('a percentage above 100 is refused, 100 passes', () => {
    expect(() => fn({ alarms: { errors: { threshold: 101 } } })).toThrow(/LBP_ALARM_THRESHOLD/);
    expect(() => fn({ alarms: { errors: { threshold: 100 } } })).not.toThrow();
  });

  test('a threshold of 0 is refused', () => {
    expect(() => fn({ alarms: { asyncEventsDropped: { threshold: 0 } } })).toThrow(/LBP_ALARM_THRESHOLD/);
  });

  test('datapointsToAlarm above evaluationPeriods is refused, equal passes', () => {
    expect(() => fn({ alarms: { errors: { evaluationPeriods: 2, datapointsToAlarm: 3 } } })).toThrow(/LBP_ALARM_DATAPOINTS/);
    expect(() => fn({ alarms: { errors: { evaluationPeriods: 3, datapointsToAlarm: 3 } } })).not.toThrow();
  });

  test('a period that is not 10/20/30 s or whole minutes is refused', () => {
    expect(() => fn({ alarms: { errors: { period: Duration.seconds(45) } } })).toThrow(/LBP_ALARM_PERIOD/);
    expect(() => fn({ alarms: { errors: { period: Duration.seconds(30) } } })).not.toThrow();
  });

  test('evaluation ranges as CloudWatch defines them: 1 day under hourly periods, 7 days from hourly on', () => {
    expect(() => fn({ alarms: { errors: { period: Duration.minutes(5), evaluationPeriods: 289, datapointsToAlarm: 1 } } })).toThrow(/LBP_ALARM_EVALUATION_RANGE/);
    expect(() => fn({ alarms: { errors: { period: Duration.minutes(5), evaluationPeriods: 288, datapointsToAlarm: 1 } } })).not.toThrow();
    expect(() => fn({ alarms: { errors: { period: Duration.hours(1), evaluationPeriods: 169, datapointsToAlarm: 1 } } })).toThrow(/LBP_ALARM_EVALUATION_RANGE/);
    expect(() => fn({ alarms: { errors: { period: Duration.hours(1), evaluationPeriods: 168, datapointsToAlarm: 1 } } })).not.toThrow();
  });

  test('every problem is reported at once', () => {
    expect(() => fn({ alarms: { errors: { threshold: 0 }, throttles: { period: Duration.seconds(7) } } }))
      .toThrow(/LBP_ALARM_THRESHOLD[\s\S]*LBP_ALARM_PERIOD/);
  });
});

describe('provisioned concurrency alarms', () => {
  const { stack, f } = fn({ provisionedConcurrency: { minCapacity: 2, maxCapacity: 10 } });
  const t = Template.fromStack(stack);

  test('spillover >= 10 invocations for 3 of 3 five-minute periods', () => {
    expect(f.alarms.provisionedConcurrencySpillover).toBeDefined();
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ProvisionedConcurrencySpilloverInvocations',
      Statistic: 'Sum',
      Period: 300,
      Threshold: 10,
      EvaluationPeriods: 3,
      AlarmActions: topicAction,
      Dimensions: Match.arrayWith([Match.objectLike({ Name: 'Resource' })]),
    });
  });

  test('utilisation >= 90 % (metric 0..1)', () => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ProvisionedConcurrencyUtilization', Statistic: 'Maximum', Threshold: 0.9, AlarmActions: topicAction,
    });
  });

  test('nag clean', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('iterator age (driven by triggers)', () => {
  test('created when a stream trigger is added after construction, once', () => {
    const { stack, f } = fn();
    f.addTrigger(new FakeTrigger({ description: 'queue', failureQueues: [] }));
    expect(f.alarms.iteratorAge).toBeUndefined();
    f.addTrigger(new FakeTrigger({ description: 'stream A', readsStream: true }));
    f.addTrigger(new FakeTrigger({ description: 'stream B', readsStream: true }));
    const t = Template.fromStack(stack);
    expect(Object.keys(t.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: 'IteratorAge' } }))).toHaveLength(1);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'IteratorAge',
      Statistic: 'Maximum',
      Threshold: 60000,
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
      AlarmActions: topicAction,
    });
  });

  test('threshold in seconds, and an off switch', () => {
    const a = fn({ alarms: { iteratorAge: { threshold: 300 } } });
    a.f.addTrigger(new FakeTrigger({ description: 'stream', readsStream: true }));
    Template.fromStack(a.stack).hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'IteratorAge', Threshold: 300000 });

    const b = fn({ alarms: { iteratorAge: { enabled: false } } });
    b.f.addTrigger(new FakeTrigger({ description: 'stream', readsStream: true }));
    expect(b.f.alarms.iteratorAge).toBeUndefined();
  });

  test('an own DLQ gets no age alarm', () => {
    const stack = testStack();
    const q = new sqs.Queue(stack, 'Q');
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), deadLetterQueue: q });
    Template.fromStack(stack).resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateAgeOfOldestMessage' }, 0);
  });
});

describe('event source mapping failures (driven by triggers)', () => {
  // A mapping that publishes EventCount metrics (as every SQS, Kinesis, DynamoDB and Kafka mapping of the library does).
  const importedMapping = (scope: ServerlessFunction, id: string, queue: string, metrics = true) => new lambda.EventSourceMapping(scope, id, {
    target: scope.alias,
    eventSourceArn: `arn:aws:sqs:us-east-1:123456789012:${queue}`,
    metricsConfig: metrics ? { metrics: [lambda.MetricType.EVENT_COUNT] } : undefined,
  });

  test('one alarm per reported mapping: failed + dropped events >= 1 in 5 minutes; none without mappings', () => {
    const { stack, f } = fn();
    f.addTrigger(new FakeTrigger({ description: 'no mapping' }));
    expect(f.alarms.eventSourceFailures).toEqual([]);
    Template.fromStack(fn().stack).resourceCountIs('AWS::CloudWatch::Alarm', 1);

    f.addTrigger(new FakeTrigger({ description: 'two', eventSourceMappings: [importedMapping(f, 'A', 'uuid-a'), importedMapping(f, 'B', 'uuid-b')] }));
    expect(f.alarms.eventSourceFailures).toHaveLength(2);
    expect(f.alarms.all).toEqual(expect.arrayContaining(f.alarms.eventSourceFailures));
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 3);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 1,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      AlarmActions: topicAction,
      Metrics: Match.arrayWith([
        Match.objectLike({
          Id: 'failed',
          MetricStat: { Metric: { Namespace: 'AWS/Lambda', MetricName: 'FailedInvokeEventCount', Dimensions: [{ Name: 'EventSourceMappingUUID', Value: { Ref: Match.stringLikeRegexp('^FnB') } }] }, Period: 300, Stat: 'Sum' },
          ReturnData: false,
        }),
        Match.objectLike({ Id: 'dropped', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'DroppedEventCount' }) }) }),
      ]),
    });
    // The alarms add no finding (the test's bare mappings, without a destination, are not the subject here).
    expect(nagFindings(stack).filter((finding) => !/\/Fn\/[AB]\/Resource$/.test(finding.path))).toEqual([]);
  });

  test('a mapping without EventCount metrics (Amazon MQ, DocumentDB) gets no alarm that would never see data', () => {
    const { f } = fn();
    f.addTrigger(new FakeTrigger({ description: 'quiet', eventSourceMappings: [importedMapping(f, 'Q', 'uuid-q', false)] }));
    f.addTrigger(new FakeTrigger({ description: 'imported', eventSourceMappings: [lambda.EventSourceMapping.fromEventSourceMappingId(f, 'I', 'uuid-i')] }));
    expect(f.alarms.eventSourceFailures).toEqual([]);
  });

  test('threshold, evaluation and an off switch like every alarm; a threshold of 0 is refused', () => {
    const a = fn({ alarms: { eventSourceFailures: { threshold: 10, period: Duration.minutes(1), evaluationPeriods: 3 } } });
    a.f.addTrigger(new FakeTrigger({ description: 'm', eventSourceMappings: [importedMapping(a.f, 'M', 'uuid')] }));
    Template.fromStack(a.stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 10, EvaluationPeriods: 3, Metrics: Match.arrayWith([Match.objectLike({ Id: 'failed', MetricStat: Match.objectLike({ Period: 60 }) })]),
    });

    const b = fn({ alarms: { eventSourceFailures: { enabled: false } } });
    b.f.addTrigger(new FakeTrigger({ description: 'm', eventSourceMappings: [importedMapping(b.f, 'M', 'uuid')] }));
    expect(b.f.alarms.eventSourceFailures).toEqual([]);

    const c = fn({ alarms: { enabled: false } });
    c.f.addTrigger(new FakeTrigger({ description: 'm', eventSourceMappings: [importedMapping(c.f, 'M', 'uuid')] }));
    expect(c.f.alarms.eventSourceFailures).toEqual([]);

    expect(() => fn({ alarms: { eventSourceFailures: { threshold: 0 } } })).toThrow(/LBP_ALARM_THRESHOLD.*eventSourceFailures/s);
  });
});

describe('recursive invocations dropped', () => {
  test('joins the combined alarm by default, reading RecursiveInvocationsDropped (Sum) of the function', () => {
    const { stack } = fn();
    const [alarm] = Object.values<any>(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm'));
    const recursion = alarm.Properties.Metrics.find((m: any) => m.Id === 'recursion');
    expect(recursion.MetricStat).toMatchObject({ Metric: { Namespace: 'AWS/Lambda', MetricName: 'RecursiveInvocationsDropped' }, Stat: 'Sum', Period: 300 });
    expect(recursion.MetricStat.Metric.Dimensions).toEqual([{ Name: 'FunctionName', Value: expect.anything() }]);
    expect(alarm.Properties.AlarmDescription).toContain('invocations dropped in a recursive loop >= 1');
  });

  test('tuned evaluation: an alarm of its own; turned off: none', () => {
    const own = fn({ alarms: { recursiveInvocationsDropped: { period: Duration.minutes(5), evaluationPeriods: 2, datapointsToAlarm: 1 } } });
    expect(own.f.alarms.recursiveInvocationsDropped).toBeDefined();
    Template.fromStack(own.stack).hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'RecursiveInvocationsDropped', Threshold: 1, EvaluationPeriods: 2 });
    const off = fn({ alarms: { recursiveInvocationsDropped: { enabled: false } } });
    expect(off.f.alarms.recursiveInvocationsDropped).toBeUndefined();
    expect(JSON.stringify(Template.fromStack(off.stack).toJSON())).not.toContain('RecursiveInvocationsDropped');
  });
});
