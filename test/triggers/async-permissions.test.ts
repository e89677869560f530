import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { HANDLER_DIR, testStack } from '../helpers/template';

// serverless-rules' ES1007 cannot see that async failures reach the function's DLQ; every invoke
// permission an async trigger creates carries the library's reason, wherever CDK puts the permission.
test.each([
  ['s3 (permission under the rule)', (fn: ServerlessFunction) => fn.addTrigger(Trigger.s3(new s3.Bucket(fn, 'B', { enforceSSL: true })))],
  ['eventRule (permission under the rule)', (fn: ServerlessFunction) => fn.addTrigger(Trigger.eventRule({ eventPattern: { source: ['my.app'] } }))],
  ['sns (permission under the alias)', (fn: ServerlessFunction) => fn.addTrigger(Trigger.sns(new sns.Topic(fn, 'T')))],
])('%s: every async invoke permission carries the ES1007 reason', (_name, add) => {
  const stack = testStack();
  add(new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) }));
  const permissions = Object.values<any>(Template.fromStack(stack).findResources('AWS::Lambda::Permission'));
  expect(permissions.length).toBeGreaterThan(0);
  for (const p of permissions) {
    expect(p.Metadata?.['cfn-lint']?.config?.ignore_checks).toContain('ES1007');
  }
});
