import * as sns from 'aws-cdk-lib/aws-sns';
import { IConstruct } from 'constructs';
import { blueprintKey, stackSingleton } from '../encryption/blueprint-key';

const TOPIC_ID = 'BlueprintAlarmTopic';

/**
 * The stack's shared alarm topic, created on first use: encrypted with the stack's blueprint key
 * (which lets CloudWatch alarms publish to it) and TLS-only. Subscribe your on-call channel to it, or
 * pass your own topic as `alarmTopic`.
 *
 * @internal
 */
export function defaultAlarmTopic(scope: IConstruct): sns.ITopic {
  return stackSingleton(scope, TOPIC_ID, (stack) => new sns.Topic(stack, TOPIC_ID, {
    displayName: 'cdk-lambda-blueprints alarms',
    masterKey: blueprintKey(stack),
    enforceSSL: true,
  }));
}
