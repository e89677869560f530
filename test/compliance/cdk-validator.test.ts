import { CfnResource, Validations } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { InvocationAcknowledgement } from '../../src/acknowledgements/acknowledgements';
import { HANDLER_DIR, testStack } from '../helpers/template';

// aws-cdk-lib >= 2.262 validates every template at synth; scripts/newest-cdk.sh runs it over the example
// app on the newest aws-cdk-lib. The one false positive on the library's resources is acknowledged where it arises.

function acknowledgedIds(c: { node: { metadata: Array<{ type: string; data: any }> } }): Record<string, string> {
  return Object.assign({}, ...c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => m.data));
}

test('an SNS subscription to the live alias acknowledges the built-in validator\'s W3694, with the reason', () => {
  const stack = testStack();
  const fn = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
  fn.addTrigger(Trigger.sns(new sns.Topic(stack, 'Topic')));
  const subscription = stack.node.findAll().find((c) => c instanceof sns.Subscription)!;
  expect(acknowledgedIds(subscription)).toEqual({ 'CloudFormation-Validate::W3694': InvocationAcknowledgement.SNS_ALIAS_ENDPOINT.reason });
  // Not a cdk-nag rule: nothing for cdk-nag 2 in the template.
  expect((subscription.node.defaultChild as CfnResource).getMetadata('cdk_nag')).toBeUndefined();
});
