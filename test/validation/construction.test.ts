import { Duration, Size, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FailureQueue, FunctionAlarms, FunctionCode, QueueProcessor, ServerlessFunction, ServerlessFunctionProps, Trigger } from '../../src';
import { BlueprintValidationError } from '../../src/validation/blueprint-error';
import { HANDLER_DIR, testStack } from '../helpers/template';

const code = FunctionCode.fromAsset(HANDLER_DIR);

/** What the caller of a JavaScript or Python API can pass (anything). */
function make(stack: Stack, props: unknown, id = 'Fn'): ServerlessFunction {
  return new ServerlessFunction(stack, id, props as ServerlessFunctionProps);
}

function thrown(fn: () => unknown): BlueprintValidationError {
  try {
    fn();
  } catch (e) {
    return e as BlueprintValidationError;
  }
  throw new Error('did not throw');
}

function paths(stack: Stack): string[] {
  return stack.node.findAll().map((c) => c.node.path).sort();
}

describe('values of the wrong type (JavaScript and Python callers) are coded errors, not TypeErrors', () => {
  test.each<[string, Record<string, unknown>, string]>([
    ['an undefined environment value (process.env.X in CI)', { environment: { TABLE: undefined } }, 'environment.TABLE'],
    ['a null environment value (None in Python)', { environment: { TABLE: null } }, 'environment.TABLE'],
    ['a number as an environment value', { environment: { PORT: 8080 } }, 'environment.PORT'],
    ['memorySize as a string', { memorySize: '128' }, 'memorySize'],
    ['timeout as a number of seconds', { timeout: 30 }, 'timeout'],
    ['ephemeralStorageSize as a number', { ephemeralStorageSize: 1024 }, 'ephemeralStorageSize'],
    ['a missing code', { code: undefined }, 'code'],
    ['an alarm threshold as a string', { alarms: { errors: { threshold: '5' } } }, 'alarms.errors.threshold'],
    ['provisioned concurrency without minCapacity', { provisionedConcurrency: {} }, 'provisionedConcurrency.minCapacity'],
    ['null for an optional setting', { memorySize: null }, 'memorySize'],
    ['a tracing mode AWS does not know', { tracing: 'ON' }, 'tracing'],
    ['a log level AWS does not know', { applicationLogLevel: 'VERBOSE' }, 'applicationLogLevel'],
    ['snapStart as a string', { snapStart: 'true' }, 'snapStart'],
    ['the combined alarm switch as a string', { alarms: { combined: 'no' } }, 'alarms.combined'],
  ])('%s', (_name, props, property) => {
    const stack = testStack();
    const error = thrown(() => make(stack, { code, ...props }));
    expect(error).toBeInstanceOf(BlueprintValidationError);
    expect(error.code).toBe('LBP_PROP_TYPE');
    expect(error.problems.map((p) => p.property)).toContain(property);
    expect(stack.node.tryFindChild('Fn')).toBeUndefined();
  });

  test('every wrongly typed value is reported at once', () => {
    const error = thrown(() => make(testStack(), { code, memorySize: '128', timeout: 30, environment: { A1: undefined } }));
    expect(error.problems.map((p) => p.property)).toEqual(['memorySize', 'timeout', 'environment.A1']);
  });

  test('the right types just inside the limits are accepted', () => {
    const stack = testStack();
    make(stack, { code, memorySize: 128, timeout: Duration.seconds(1), ephemeralStorageSize: Size.mebibytes(512), environment: { TABLE: 'orders' } });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', { MemorySize: 128, Timeout: 1 });
  });

  test('a trigger option of the wrong type is coded too', () => {
    const stack = testStack();
    const fn = make(stack, { code });
    const queue = new sqs.Queue(stack, 'Q', { deadLetterQueue: { queue: new sqs.Queue(stack, 'D'), maxReceiveCount: 5 } });
    const error = thrown(() => fn.addTrigger(Trigger.sqs(queue, { batchSize: '10' as unknown as number })));
    expect(error.code).toBe('LBP_PROP_TYPE');
    expect(error.problems[0].property).toBe('batchSize');
  });
});

describe('one phase: all props are checked before any child exists, by the path the user wrote', () => {
  test('a bad alarms.deadLetterQueueAge is named as written and leaves nothing behind', () => {
    const stack = testStack();
    const before = paths(stack);
    const error = thrown(() => make(stack, { code, alarms: { deadLetterQueueAge: { threshold: 2_000_000 } } }));
    expect(error.code).toBe('LBP_ALARM_THRESHOLD');
    expect(error.constructPath).toBe('TestStack/Fn');
    expect(error.problems[0].property).toBe('alarms.deadLetterQueueAge.threshold');
    expect(paths(stack)).toEqual(before);
  });

  test('the threshold at the 14-day retention is accepted', () => {
    const stack = testStack();
    make(stack, { code, alarms: { deadLetterQueueAge: { threshold: 1_209_600 } } });
    // One combined alarm: each signal's threshold is in its expression (and description).
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: Match.stringLikeRegexp('oldest message in the dead-letter queue >= 1209600 s'),
    });
    const separate = testStack();
    make(separate, { code, alarms: { combined: false, deadLetterQueueAge: { threshold: 1_209_600 } } });
    Template.fromStack(separate).hasResourceProperties('AWS::CloudWatch::Alarm', { Threshold: 1_209_600 });
  });

  test('problems of the function, its alarms and its async settings come in one error', () => {
    const error = thrown(() => make(testStack(), {
      code, memorySize: 64, retryAttempts: 5, alarms: { errors: { datapointsToAlarm: 9 }, deadLetterQueueAge: { threshold: 0 } },
    }));
    expect(error.problems.map((p) => p.code)).toEqual([
      'LBP_MEMORY_SIZE', 'LBP_RETRY_ATTEMPTS', 'LBP_ALARM_DATAPOINTS', 'LBP_ALARM_THRESHOLD',
    ]);
  });
});

describe('never half-made: a failed construct is removed and its id can be used again', () => {
  test('after a refused function, the same id builds', () => {
    const stack = testStack();
    expect(() => make(stack, { code, memorySize: 64 })).toThrow(/LBP_MEMORY_SIZE/);
    make(stack, { code, memorySize: 128 });
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::Function', 1);
  });

  test('an error aws-cdk-lib raises after our checks is coded LBP_AWS_CDK and removes everything', () => {
    const stack = testStack();
    const before = paths(stack);
    // Stands for any aws-cdk-lib error raised after the role, log group, queue and function exist.
    const spy = jest.spyOn(lambda.Function.prototype, 'currentVersion', 'get').mockImplementation(() => {
      throw new Error('boom from aws-cdk-lib');
    });
    try {
      const error = thrown(() => make(stack, { code }));
      expect(error).toBeInstanceOf(BlueprintValidationError);
      expect(error.code).toBe('LBP_AWS_CDK');
      expect(error.message).toMatch(/^\[LBP_AWS_CDK\] TestStack\/Fn: .*boom from aws-cdk-lib/);
      expect(paths(stack)).toEqual(before);
    } finally {
      spy.mockRestore();
    }
    make(stack, { code });
  });

  test('a pattern whose function is refused leaves neither the pattern nor its queue', () => {
    const stack = testStack();
    const before = paths(stack);
    expect(() => new QueueProcessor(stack, 'P', { code, functionOptions: { memorySize: 64 } })).toThrow(/LBP_MEMORY_SIZE/);
    expect(paths(stack)).toEqual(before);
    new QueueProcessor(stack, 'P', { code });
  });

  test('a refused trigger leaves the function as it was and can be fixed', () => {
    const stack = testStack();
    const fn = make(stack, { code });
    const before = paths(stack);
    const queue = new sqs.Queue(stack, 'Q', { deadLetterQueue: { queue: new sqs.Queue(stack, 'D'), maxReceiveCount: 5 }, visibilityTimeout: Duration.minutes(3) });
    const withQueue = paths(stack);
    expect(() => fn.addTrigger(Trigger.sqs(queue, { batchSize: 11 }))).toThrow(/LBP_SQS_BATCH_SIZE/);
    expect(paths(stack)).toEqual(withQueue);
    expect(before.length).toBeLessThan(withQueue.length);
    fn.addTrigger(Trigger.sqs(queue, { batchSize: 10 }));
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
  });

  test('a trigger added twice is a coded error', () => {
    const stack = testStack();
    const trigger = Trigger.functionUrl();
    make(stack, { code }, 'A').addTrigger(trigger);
    expect(() => make(stack, { code }, 'B').addTrigger(trigger)).toThrow(/LBP_TRIGGER_REUSED/);
  });

  test('reading a trigger\'s resources before adding it is a coded error', () => {
    expect(() => Trigger.functionUrl().url).toThrow(/LBP_TRIGGER_NOT_ADDED/);
  });
});

describe('logRetention is one of the periods CloudWatch Logs accepts', () => {
  test.each([1, 5, 3653, logs.RetentionDays.INFINITE])('%d days is accepted', (days) => {
    make(testStack(), { code, logRetention: days });
  });
  test.each([0, 2, 4000])('%d days is refused with the nearest valid one', (days) => {
    const error = thrown(() => make(testStack(), { code, logRetention: days }));
    expect(error.code).toBe('LBP_LOG_RETENTION');
    expect(error.message).toMatch(/RetentionDays\.[A-Z_]+/);
  });
});

describe('a pattern names its function\'s and trigger\'s problems by the path the user wrote', () => {
  test('functionOptions.* and triggerOptions.* at the pattern', () => {
    const stack = testStack();
    const fnError = thrown(() => new QueueProcessor(stack, 'P', { code, functionOptions: { memorySize: 64 } }));
    expect(fnError.constructPath).toBe('TestStack/P');
    expect(fnError.message).toMatch(/^\[LBP_MEMORY_SIZE\] TestStack\/P: functionOptions\.memorySize is 64 MB/);
    const triggerError = thrown(() => new QueueProcessor(stack, 'P', { code, triggerOptions: { batchSize: 11 } }));
    expect(triggerError.message).toMatch(/\[LBP_SQS_BATCH_SIZE\] TestStack\/P: triggerOptions\.batchSize is 11/);
    new QueueProcessor(stack, 'P', { code, functionOptions: { memorySize: 128 }, triggerOptions: { batchSize: 10 } });
  });
});

describe('standalone building blocks', () => {
  test('a FailureQueue with a wrongly typed alarm option is coded and leaves nothing', () => {
    const stack = testStack();
    const before = paths(stack);
    const error = thrown(() => new FailureQueue(stack, 'Q', { purpose: 'mine', ageAlarm: { threshold: '5' as unknown as number } }));
    expect(error.code).toBe('LBP_PROP_TYPE');
    expect(error.problems[0].property).toBe('ageAlarm.threshold');
    expect(paths(stack)).toEqual(before);
    new FailureQueue(stack, 'Q', { purpose: 'mine', ageAlarm: { threshold: 5 } });
  });

  test('FunctionAlarms with a bad option removes itself, never its parent', () => {
    const stack = testStack();
    const fn = make(stack, { code });
    const parent = new Construct(stack, 'Parent');
    expect(() => new FunctionAlarms(parent, 'Alarms', {
      function: fn.unqualifiedFunction,
      alias: fn.alias,
      timeout: Duration.seconds(30),
      alarmTopic: fn.alarmTopic,
      options: { errors: { threshold: 0 } },
    })).toThrow(/LBP_ALARM_THRESHOLD/);
    expect(stack.node.tryFindChild('Parent')).toBe(parent);
    expect(parent.node.children).toHaveLength(0);
  });
});
