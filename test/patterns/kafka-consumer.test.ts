import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { FunctionCode, KafkaConsumer, KafkaSource } from '../../src';
import { BlueprintValidationError } from '../../src/validation/blueprint-error';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

const code = FunctionCode.fromAsset(HANDLER_DIR);
const CLUSTER = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/abcd1234-abcd-cafe-abab-9876543210ab-4';

describe('KafkaConsumer', () => {
  test('an MSK topic read with IAM by a ServerlessFunction: the mapping, a FailureQueue, an OffsetLag alarm; no findings', () => {
    const stack = testStack();
    const p = new KafkaConsumer(stack, 'Orders', {
      code, source: KafkaSource.msk(CLUSTER), triggerOptions: { topic: 'orders', consumerGroupId: 'orders-fn' },
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: CLUSTER, Topics: ['orders'], DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'OffsetLag' });
    expect(p.trigger.mapping).toBeDefined();
    expect(p.trigger.failureQueue).toBeDefined();
    expect(p.function.triggers).toHaveLength(1);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('the function\'s and the trigger\'s problems in one round, named by the path written; nothing created', () => {
    const stack = testStack();
    const before = stack.node.findAll().length;
    let error: unknown;
    try {
      new KafkaConsumer(stack, 'P', {
        code,
        source: KafkaSource.msk(CLUSTER),
        functionOptions: { timeout: Duration.minutes(16) },
        triggerOptions: { topic: 'bad topic', maxOffsetLag: 0 },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BlueprintValidationError);
    const properties = (error as BlueprintValidationError).problems.map((p) => `${p.code} ${p.property}`);
    expect(properties).toEqual(expect.arrayContaining([
      expect.stringMatching(/^LBP_\w+ functionOptions\.timeout$/),
      'LBP_KAFKA_TOPIC triggerOptions.topic',
      'LBP_KAFKA_CONSUMER_GROUP triggerOptions.consumerGroupId',
      'LBP_KAFKA_OFFSET_LAG triggerOptions.maxOffsetLag',
    ]));
    expect(stack.node.findAll().length).toBe(before);
  });

  test('a bad source is refused before anything exists', () => {
    expect(() => new KafkaConsumer(testStack(), 'P', { code, source: KafkaSource.selfManaged([]), triggerOptions: { topic: 'orders' } }))
      .toThrow(/LBP_KAFKA_SOURCE/);
  });
});
