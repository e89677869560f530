import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { BlueprintPatternProps } from './blueprint-pattern-props';
import { refuseSourceOptionsWithExisting } from './private/source-options';
import { blueprintKey } from '../encryption/blueprint-key';
import { ServerlessFunction } from '../function/serverless-function';
import { checkPatternProps, PatternPaths, patternTriggerValidator, validatePatternFunction } from './private/pattern-shape';
import { validateSnsTopic, validateSnsTriggerOptions } from '../triggers/sns/sns-checks';
import { SnsTrigger, SnsTriggerOptions } from '../triggers/sns/sns-trigger';
import { Trigger } from '../triggers/trigger-factories';
import { ConstructionGuard } from '../validation/construction-guard';
import { PROP_SHAPES } from '../validation/prop-shapes.generated';
import { Validator } from '../validation/validator';

/**
 * Properties of a {@link TopicSubscriber}.
 */
export interface TopicSubscriberProps extends BlueprintPatternProps {
  /**
   * An existing (standard) topic to subscribe to instead of a new one.
   *
   * @default - a new topic (KMS-encrypted, TLS-only)
   */
  readonly topic?: sns.ITopic;

  /**
   * The KMS key of the new topic. Publishers need `kms:GenerateDataKey*` and `kms:Decrypt` on it;
   * AWS services that publish (S3, CloudWatch, ...) need a key-policy statement.
   *
   * @default - the stack's blueprint key (rotation on; CloudWatch alarms may publish)
   */
  readonly masterKey?: kms.IKey;

  /**
   * Settings of the SNS trigger (filter policies).
   *
   * @default - every message is delivered
   */
  readonly triggerOptions?: SnsTriggerOptions;
}

/**
 * An SNS topic with a {@link ServerlessFunction} subscribed (reference workload 6).
 *
 * The topic is KMS-encrypted and TLS-only. The subscription has a redrive dead-letter queue, and
 * messages the function fails on go to the function's own dead-letter queue. Both keep failures 14
 * days and alarm.
 */
export class TopicSubscriber extends Construct {
  /** The topic. */
  public readonly topic: sns.ITopic;

  /** The function subscribed to the topic. */
  public readonly function: ServerlessFunction;

  /** The trigger: what it created (mapping, rule, subscription, failure queue) are its properties. */
  public readonly trigger: SnsTrigger;

  constructor(scope: Construct, id: string, props: TopicSubscriberProps) {
    super(scope, id);
    const guard = ConstructionGuard.forConstructor(this);
    const paths = new PatternPaths('triggerOptions', PROP_SHAPES.SnsTriggerOptions);
    try {
      const v = new Validator(this);
      checkPatternProps(v, props, PROP_SHAPES.TopicSubscriberProps);
      refuseSourceOptionsWithExisting(v, 'topic', props.topic !== undefined, { masterKey: props.masterKey });
      // The function's and the trigger's own checks too: every problem in one round, before anything exists.
      validatePatternFunction(v, props.code, props.functionOptions);
      const tv = patternTriggerValidator(v, 'triggerOptions', PROP_SHAPES.SnsTriggerOptions);
      validateSnsTriggerOptions(tv, props.triggerOptions ?? {});
      if (props.topic) {
        validateSnsTopic(tv, props.topic);
      }
      v.throwIfAny();

      this.topic = props.topic ?? new sns.Topic(this, 'Topic', {
        masterKey: props.masterKey ?? blueprintKey(this),
        enforceSSL: true,
      });
      paths.building('function');
      this.function = ServerlessFunction._checked(this, 'Processor', { ...props.functionOptions, code: props.code });
      paths.building('trigger');
      this.trigger = Trigger.sns(this.topic, props.triggerOptions);
      this.function.addTrigger(this.trigger);
    } catch (error) {
      throw guard.fail(error, paths.rename);
    }
  }
}
