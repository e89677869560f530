import { Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { FunctionCode, ServerlessFunction } from '../../src';
import { eventPathsOf } from '../../src/report/private/event-paths';
import { EventPathReport, FunctionReport } from '../../src/report/private/report-model';
import { StackIndex } from '../../src/report/private/template-index';
import { reportOf, stackOf } from '../helpers/report';
import { HANDLER_DIR } from '../helpers/template';

jest.mock('../../src/report/private/event-paths', () => ({ eventPathsOf: jest.fn() }));

const ASYNC_PATH_WITHOUT_SINK = 'cdk-lambda-blueprints:asyncPathWithoutSink';

/** Two fixed paths of the stack's one function: the nightly rule's (with a gap) and a queue's (without). */
function fixedPaths(stackId: string, _index: StackIndex, functions: FunctionReport[]) {
  const functionId = functions[0]?.id ?? 'none';
  const nightly: EventPathReport = {
    id: 'Paths/Nightly/Resource',
    source: { kind: 'EventBridge rule', name: 'Paths/Nightly/Resource' },
    invocation: 'asynchronous',
    functionId,
    wiredBy: 'Paths/Nightly/Resource',
    byLibrary: false,
    sinkAlarms: [],
    gap: 'no sink for undelivered events',
  };
  const queue: EventPathReport = {
    id: 'Paths/Fn/Queue/Mapping',
    source: { kind: 'SQS queue', name: 'Paths/Queue' },
    invocation: 'poller',
    functionId,
    wiredBy: 'Paths/Fn/Queue/Mapping',
    byLibrary: true,
    sinkAlarms: ['Paths/Dlq/Depth'],
  };
  return stackId === 'Paths'
    ? { eventPaths: [nightly, queue], gaps: [{ path: 'Paths/Nightly/Resource', message: 'no sink for undelivered events', eventPathId: nightly.id }] }
    : { eventPaths: [], gaps: [] };
}

describe('event paths and gaps folded into the model', () => {
  (eventPathsOf as jest.Mock).mockImplementation(fixedPaths);
  const model = reportOf((app) => {
    const stack = new Stack(app, 'Paths', { env: { account: '123456789012', region: 'us-east-1' } });
    const fn = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    for (const id of ['Nightly', 'Hourly']) {
      new events.Rule(stack, id, { schedule: events.Schedule.rate(Duration.hours(1)) }).addTarget(new targets.LambdaFunction(fn));
    }
  });
  const stack = stackOf(model, 'Paths');
  // Recorded before the tests run: the jest config clears mocks between tests.
  const calls = [...(eventPathsOf as jest.Mock).mock.calls];

  test('eventPathsOf gets the stack id, its index and its functions', () => {
    expect(calls).toEqual([['Paths', expect.any(StackIndex), stack.functions]]);
  });

  test('the paths, sorted by id, and the gaps: the paths\' and each asyncPathWithoutSink warning no path covers', () => {
    expect(stack.eventPaths.map((p) => p.id)).toEqual(['Paths/Fn/Queue/Mapping', 'Paths/Nightly/Resource']);
    expect(stack.gaps).toEqual([
      { path: 'Paths/Hourly/Resource', message: expect.stringContaining('invokes Paths/Fn asynchronously with no failure sink') },
      { path: 'Paths/Nightly/Resource', message: 'no sink for undelivered events', eventPathId: 'Paths/Nightly/Resource' },
    ]);
    expect(stack.warnings.filter((w) => w.id === ASYNC_PATH_WITHOUT_SINK)).toEqual([]);
  });

  test('the summary counts them', () => {
    expect(model.summary).toMatchObject({ stacks: 1, functions: 1, eventPaths: 2, gaps: 2 });
  });
});
