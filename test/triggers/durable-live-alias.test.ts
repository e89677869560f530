import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { testFunction } from './fixtures';
import { TRIGGER_KINDS } from './trigger-kinds';
import { testStack } from '../helpers/template';

/**
 * A durable execution starts only on a qualified ARN (a version or an alias): an unqualified invoke fails
 * (https://docs.aws.amazon.com/lambda/latest/dg/durable-invoking.html; aws-cdk#36463 for an EventBridge target).
 * For every trigger kind, on a durable function, nothing but the function's own version, alias and durable
 * policy names the unqualified function, and the trigger's resources name the `live` alias.
 */
const OWN_TYPES = new Set([
  'AWS::Lambda::Version', 'AWS::Lambda::Alias', 'AWS::IAM::ManagedPolicy',
  // Alarms read the function's metrics by its name (a dimension): they invoke nothing.
  'AWS::CloudWatch::Alarm',
]);

/** The logical ids of the resources whose properties mention `id` (a Ref or GetAtt). */
function referrers(resources: Record<string, any>, id: string): string[] {
  const mention = new RegExp(`"(Ref|Fn::GetAtt)":(\\["|")${id}"`);
  return Object.entries(resources).filter(([, r]) => mention.test(JSON.stringify(r.Properties ?? {}))).map(([key]) => key);
}

describe.each(TRIGGER_KINDS)('Trigger.%s on a durable function', (_kind, make) => {
  test('invokes the live alias, never the unqualified function', () => {
    const stack = testStack();
    const fn = testFunction(stack, {
      timeout: Duration.seconds(3),
      durable: { executionTimeout: Duration.hours(1) },
    });
    fn.addTrigger(make(stack));
    const resources = Template.fromStack(stack).toJSON().Resources as Record<string, any>;
    const fnId = stack.getLogicalId(fn.unqualifiedFunction.node.defaultChild as lambda.CfnFunction);
    const aliasId = stack.getLogicalId(fn.alias.node.defaultChild as lambda.CfnAlias);
    const durablePolicy = Object.keys(resources).filter((k) => JSON.stringify(resources[k]).includes('lambda:CheckpointDurableExecution'));
    expect(durablePolicy).toHaveLength(1);
    const unqualified = referrers(resources, fnId)
      // A function URL names the function with `Qualifier: live`: that is the alias.
      .filter((k) => resources[k].Properties.Qualifier !== 'live')
      .filter((k) => !OWN_TYPES.has(resources[k].Type) || (resources[k].Type === 'AWS::IAM::ManagedPolicy' && k !== durablePolicy[0]));
    expect(unqualified.map((k) => `${k} (${resources[k].Type})`)).toEqual([]);
    // The trigger names the alias (by ARN, or by name as `<function>:live`).
    const text = JSON.stringify(resources);
    expect(referrers(resources, aliasId).length > 0 || text.includes(':live"')).toBe(true);
  });
});
