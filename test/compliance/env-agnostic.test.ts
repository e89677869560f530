import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { BlueprintStack, FunctionCode, NagPackName, ServerlessFunction, Trigger, WebSocketApiTrigger } from '../../src';
import { nagFindings, USER_DECISIONS } from '../helpers/nag';
import { addNagV2Packs } from '../helpers/nag-v2';
import { HANDLER_DIR } from '../helpers/template';

// A stack without account or Region (the README's quick start, `cdk init`'s default): ARNs the library
// writes hold <AWS::Partition>, <AWS::Region> and <AWS::AccountId>, and so do the finding ids cdk-nag
// gives them, which aws-cdk-lib's Validations.acknowledge refuses ('::' is its prefix separator).

const ALL_PACKS = [
  NagPackName.AWS_SOLUTIONS, NagPackName.SERVERLESS, NagPackName.HIPAA_SECURITY, NagPackName.NIST_800_53_R5, NagPackName.PCI_DSS_321,
];

function webSocketStack(app: App, props: { nagPacks?: NagPackName[]; userDecisions?: typeof USER_DECISIONS } = {}) {
  const stack = new BlueprintStack(app, 'Chat', props);
  const fn = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), timeout: Duration.seconds(10) });
  const trigger = Trigger.webSocketApi();
  fn.addTrigger(trigger);
  return { stack, fn, trigger };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('a BlueprintStack without env holding one default WebSocket trigger', () => {
  test('synthesizes under its default packs (cdk-nag 3)', () => {
    const app = new App();
    webSocketStack(app);
    app.synth();
    expect(process.exitCode ?? 0).toBe(0);
  });

  test('the five cdk-nag 3 packs find nothing', () => {
    const app = new App();
    const { stack } = webSocketStack(app, { nagPacks: ALL_PACKS, userDecisions: USER_DECISIONS });
    expect(nagFindings(stack)).toEqual([]);
    app.synth();
    expect(process.exitCode ?? 0).toBe(0);
  });

  test('the five cdk-nag 2 packs find nothing', () => {
    const app = new App();
    webSocketStack(app, { nagPacks: [], userDecisions: USER_DECISIONS });
    const collector = addNagV2Packs(app);
    app.synth();
    expect(collector.findings).toEqual([]);
  });

  test('the acknowledgement names the statement\'s ARN as cdk-nag does, on ManageConnectionsPolicy only', () => {
    const app = new App();
    const { stack, trigger } = webSocketStack(app, { nagPacks: [] });
    const policy = trigger.api.node.findChild('ManageConnectionsPolicy');
    const apiId = stack.getLogicalId(trigger.api.node.defaultChild as any);
    const id = `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:execute-api:<AWS::Region>:<AWS::AccountId>:<${apiId}>/prod/*/@connections/*]`;
    const acknowledged = policy.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').map((m) => Object.keys(m.data));
    expect(acknowledged.flat()).toContain(id);
    // cdk-nag 2 reads the same finding from the policy's template metadata.
    const resources = Template.fromStack(stack).findResources('AWS::IAM::ManagedPolicy', {
      Metadata: { cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-IAM5', applies_to: [id.slice('AwsSolutions-IAM5['.length, -1)] }] } },
    });
    expect(Object.keys(resources)).toHaveLength(1);
  });
});

test('the same statement written by the user in the function\'s policy is still reported, in both lines', () => {
  const app = new App();
  const stack = new Stack(app, 'Mine');
  const fn = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), timeout: Duration.seconds(10) });
  const trigger: WebSocketApiTrigger = Trigger.webSocketApi();
  fn.addTrigger(trigger);
  fn.addToRolePolicy(new iam.PolicyStatement({
    actions: ['execute-api:ManageConnections'],
    resources: [`arn:${stack.partition}:execute-api:${stack.region}:${stack.account}:${trigger.api.apiId}/prod/*/@connections/*`],
  }));
  const collector = addNagV2Packs(app);
  const v3 = nagFindings(stack).filter((f) => f.rule.startsWith('AwsSolutions-IAM5'));
  app.synth();
  const v2 = collector.findings.filter((f) => f.rule.startsWith('AwsSolutions-IAM5'));
  for (const found of [v3, v2]) {
    expect(found.map((f) => f.path)).toEqual(['Mine/Fn/Role/Policy/Resource']);
  }
});

describe('the README\'s default-pack claim: a REST API is the one exception', () => {
  function restStack(app: App, userDecisions?: { noWebAcl: string }) {
    const stack = new BlueprintStack(app, 'Api', { nagPacks: [NagPackName.AWS_SOLUTIONS, NagPackName.SERVERLESS], userDecisions });
    const fn = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), timeout: Duration.seconds(10) });
    fn.addTrigger(Trigger.restApi());
    return stack;
  }

  test('without a decision, AwsSolutions-APIG3 reports the stage, and nothing else is reported', () => {
    const stack = restStack(new App());
    expect([...new Set(nagFindings(stack, {}).filter((f) => ['AwsSolutions', 'Serverless'].includes(f.pack)).map((f) => f.rule))])
      .toEqual(['AwsSolutions-APIG3']);
  });

  test('with the noWebAcl decision, the default packs pass', () => {
    const app = new App();
    restStack(app, { noWebAcl: 'Only our own signed clients reach this API.' });
    app.synth();
    expect(process.exitCode ?? 0).toBe(0);
  });
});
