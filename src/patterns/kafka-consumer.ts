import { Construct } from 'constructs';
import { BlueprintPatternProps } from './blueprint-pattern-props';
import { ServerlessFunction } from '../function/serverless-function';
import { validateKafkaTriggerOptions } from '../triggers/kafka/kafka-checks';
import { KafkaSource, KafkaTrigger, KafkaTriggerOptions } from '../triggers/kafka/kafka-trigger';
import { Trigger } from '../triggers/trigger-factories';
import { ConstructionGuard } from '../validation/construction-guard';
import { PROP_SHAPES } from '../validation/prop-shapes.generated';
import { Validator } from '../validation/validator';
import { checkPatternProps, PatternPaths, patternTriggerValidator, validatePatternFunction } from './private/pattern-shape';

/**
 * Properties of a {@link KafkaConsumer}.
 */
export interface KafkaConsumerProps extends BlueprintPatternProps {
  /** The cluster to read: `KafkaSource.msk(clusterArn)` or `KafkaSource.selfManaged(bootstrapServers)`. */
  readonly source: KafkaSource;

  /**
   * The topic and the settings of the Kafka trigger. `topic` is required, and with MSK and IAM
   * authentication `consumerGroupId` too.
   */
  readonly triggerOptions: KafkaTriggerOptions;
}

/**
 * A Kafka topic (Amazon MSK or self-managed) consumed by a {@link ServerlessFunction}.
 *
 * The cluster is yours (the pattern creates none). The trigger always has an on-failure destination
 * (a 14-day, alarmed FailureQueue unless you give one), metrics and an OffsetLag alarm, and the
 * function's role gets only what the poller needs (scoped `kafka` / `kafka-cluster` actions, the
 * network-interface actions in the role's library policy).
 */
export class KafkaConsumer extends Construct {
  /** The function that processes the records. */
  public readonly function: ServerlessFunction;

  /** The trigger: its mapping, failure queue and OffsetLag alarm are its properties. */
  public readonly trigger: KafkaTrigger;

  constructor(scope: Construct, id: string, props: KafkaConsumerProps) {
    super(scope, id);
    const guard = ConstructionGuard.forConstructor(this);
    const paths = new PatternPaths('triggerOptions', PROP_SHAPES.KafkaTriggerOptions);
    try {
      const v = new Validator(this);
      checkPatternProps(v, props, PROP_SHAPES.KafkaConsumerProps);
      // The function's and the trigger's own checks too: every problem in one round, before anything exists.
      validatePatternFunction(v, props.code, props.functionOptions);
      validateKafkaTriggerOptions(patternTriggerValidator(v, 'triggerOptions', PROP_SHAPES.KafkaTriggerOptions), props.triggerOptions, props.source);
      v.throwIfAny();

      paths.building('function');
      this.function = ServerlessFunction._checked(this, 'Consumer', { ...props.functionOptions, code: props.code });
      paths.building('trigger');
      this.trigger = Trigger.kafka(props.source, props.triggerOptions);
      this.function.addTrigger(this.trigger);
    } catch (error) {
      throw guard.fail(error, paths.rename);
    }
  }
}
