import { Token } from 'aws-cdk-lib';
import { type IotRuleTriggerOptions } from './iot-rule-trigger';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import { checkTriggerOptions } from '../private/option-shapes';

/**
 * The checks of an IoT rule's SQL and {@link IotRuleTriggerOptions} (types, the topic filter in the
 * SQL, the rule name, a standard error queue), which need no function. Creates nothing.
 *
 * @internal
 */
export function validateIotRuleTriggerOptions(v: Validator, sql: string, o: IotRuleTriggerOptions): void {
  checkTriggerOptions(v, o, { sqlVersion: 'string', ruleName: 'string', description: 'string', enabled: 'boolean', errorQueue: 'construct' });
  validateSql(v, sql);
  if (o.ruleName !== undefined && !Token.isUnresolved(o.ruleName)) {
    v.failIf(!/^[a-zA-Z0-9_]{1,128}$/.test(o.ruleName), {
      code: ErrorCodes.LBP_IOT_RULE_NAME,
      property: 'ruleName',
      value: `"${o.ruleName}"`,
      limit: 'an IoT rule name has 1 to 128 letters, digits and underscores (no hyphens, no spaces)',
      fix: `use e.g. "${o.ruleName.replace(/[^a-zA-Z0-9_]/g, '_').slice(0, 128) || 'my_rule'}", or leave ruleName unset for a generated name`,
    });
  }
  const fifo = o.errorQueue !== undefined && !Token.isUnresolved(o.errorQueue.fifo) && o.errorQueue.fifo;
  v.failIf(fifo, {
    code: ErrorCodes.LBP_IOT_ERROR_QUEUE,
    property: 'errorQueue',
    value: `the FIFO queue ${o.errorQueue?.node.path}`,
    limit: 'the AWS IoT SQS action cannot send to FIFO queues',
    fix: 'give a standard queue, or leave errorQueue unset for a FailureQueue',
  });
}

/** MQTT topic limits of AWS IoT Core: 256 bytes, at most 7 forward slashes. */
const TOPIC_MAX_BYTES = 256;
const TOPIC_MAX_SLASHES = 7;

/**
 * Checks the shape of a rule's SQL statement: `SELECT ... FROM '<topic filter>' [WHERE ...]`, with a
 * topic filter within the MQTT topic limits. The SQL itself is AWS IoT's to parse.
 */
function validateSql(v: Validator, sql: string): void {
  if (Token.isUnresolved(sql)) {
    return;
  }
  const shown = sql.length > 120 ? `"${sql.slice(0, 117)}..."` : `"${sql}"`;
  const m = /^\s*SELECT\s+[\s\S]+?\s+FROM\s+'([^']*)'(\s+WHERE\s+[\s\S]+)?\s*$/i.exec(sql);
  if (!m) {
    v.fail({
      code: ErrorCodes.LBP_IOT_SQL,
      property: 'sql',
      value: shown,
      limit: 'an IoT rule statement is SELECT <fields> FROM \'<topic filter>\' [WHERE <condition>], with the topic filter in single quotes',
      fix: 'write e.g. SELECT * FROM \'devices/+/telemetry\' WHERE temperature > 50',
    });
    return;
  }
  const topic = m[1];
  const bytes = Buffer.byteLength(topic, 'utf8');
  const slashes = (topic.match(/\//g) ?? []).length;
  v.failIf(topic.length === 0 || bytes > TOPIC_MAX_BYTES || slashes > TOPIC_MAX_SLASHES, {
    code: ErrorCodes.LBP_IOT_SQL,
    property: 'sql',
    value: `the topic filter '${topic}' (${bytes} bytes, ${slashes} slashes)`,
    limit: `an AWS IoT topic filter is 1 to ${TOPIC_MAX_BYTES} bytes with at most ${TOPIC_MAX_SLASHES} forward slashes`,
    fix: 'shorten the topic hierarchy, or use wildcards (+ for one level, # for the rest)',
  });
}
