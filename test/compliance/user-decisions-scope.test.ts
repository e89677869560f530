import { App, Stack, Stage } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Blueprints, FunctionCode, ServerlessFunction } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR } from '../helpers/template';

// The README's own example gives the decisions on the App. An App (or a Stage) is in no stack, so what
// is recorded on it alone reaches no cloud assembly: each stack under it must carry the info annotation
// and the acknowledged-rules metadata, as a Stack scope does.

const DECISIONS = {
  noVpc: 'The functions call AWS service endpoints only; they reach no private network.',
  noReservedConcurrency: 'The account pool is shared on purpose; we alarm on throttles.',
};

/** The metadata the cloud assembly holds for the stack's own node (in `<stack>.metadata.json`). */
function stackMetadata(stack: Stack): Array<{ type: string; data: any }> {
  const artifact = Stage.of(stack)!.synth().getStackArtifact(stack.artifactId);
  return artifact.findMetadataByType('aws:cdk:acknowledged-rules').filter((m) => m.path === `/${stack.node.path}`) as any;
}

function expectDecisionsRecorded(stack: Stack): void {
  Annotations.fromStack(stack).hasInfo(`/${stack.node.path}`, Match.stringLikeRegexp(
    `Acknowledged for ${stack.node.path} with your reasons: noVpc \\(HIPAA.Security-LambdaInsideVPC`));
  const acknowledged = stackMetadata(stack).filter((m) => m.type === 'aws:cdk:acknowledged-rules');
  expect(acknowledged.length).toBeGreaterThan(0);
  const ids = Object.keys(acknowledged[acknowledged.length - 1].data).map((k) => k.replace(/^annotation::/i, ''));
  expect(ids).toEqual(expect.arrayContaining(['HIPAA.Security-LambdaInsideVPC', 'NIST.800.53.R5-LambdaConcurrency']));
  expect(acknowledged[acknowledged.length - 1].data['annotation::HIPAA.Security-LambdaInsideVPC']).toBe(`User decision (noVpc): ${DECISIONS.noVpc}`);
}

test('with a Stack scope, the stack records the decisions', () => {
  const app = new App();
  const stack = new Stack(app, 'Orders');
  Blueprints.acknowledgeUserDecisions(stack, DECISIONS);
  expectDecisionsRecorded(stack);
});

describe('with an App scope, every stack under it records them, as with a Stack scope', () => {
  const app = new App();
  const before = new Stack(app, 'Before');
  const stage = new Stage(app, 'Prod');
  const inStage = new Stack(stage, 'Orders');
  Blueprints.acknowledgeUserDecisions(app, DECISIONS);
  const after = new Stack(app, 'After');
  const fn = new ServerlessFunction(after, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });

  test.each([
    ['a stack created before the call', before],
    ['a stack created after the call', after],
    ['a stack of a Stage of the App', inStage],
  ])('%s', (_name, stack) => {
    expectDecisionsRecorded(stack);
  });

  test('the decisions cover the resources of a stack created after the call, in both cdk-nag lines', () => {
    expect(nagFindings(after, {}).filter((f) => /LambdaInsideVPC|LambdaConcurrency/.test(f.rule))).toEqual([]);
    const metadata = (fn.unqualifiedFunction.node.defaultChild as any).getMetadata('cdk_nag');
    expect(metadata.rules_to_suppress.map((r: any) => r.id)).toEqual(expect.arrayContaining(['HIPAA.Security-LambdaInsideVPC']));
  });
});
