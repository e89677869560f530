import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FailureQueue, FunctionAlarms, FunctionCode, PythonInstaller, QueueProcessor, ServerlessFunction } from '../../src';
import * as buildDependencies from '../../src/code/python/private/build-dependencies';
import { installStats } from '../../src/code/python/private/dependency-cache';
import * as deploymentChecks from '../../src/deployment/validate-deployment-options';
import * as alarmSettings from '../../src/observability/alarm-settings';
import { BlueprintValidationError } from '../../src/validation/blueprint-error';
import { testStack } from '../helpers/template';

const HANDLER_DIR = path.join(__dirname, '..', 'fixtures', 'handler');
const PYTHON_FIXTURE = path.join(__dirname, '..', 'fixtures', 'python', 'orders');

function thrown(act: () => unknown): BlueprintValidationError {
  try {
    act();
  } catch (e) {
    expect(e).toBeInstanceOf(BlueprintValidationError);
    return e as BlueprintValidationError;
  }
  throw new Error('nothing was thrown');
}

afterEach(() => jest.restoreAllMocks());

describe('the code\'s cheap checks join the function\'s one round', () => {
  test('a missing Node.js entry and a bad memorySize: one error with both codes', () => {
    const stack = testStack();
    const error = thrown(() => new ServerlessFunction(stack, 'F', {
      code: FunctionCode.fromNodejsEntry('/nope/missing.ts'),
      memorySize: 1,
    }));
    const codes = error.problems.map((p) => p.code);
    expect(codes).toContain('LBP_BUNDLING_ENTRY_NOT_FOUND');
    expect(codes).toContain('LBP_MEMORY_SIZE');
    // Nothing half-made: the id is free again.
    expect(stack.node.tryFindChild('F')).toBeUndefined();
  });

  test('a missing asset path and a bad memorySize: one error with both codes', () => {
    const stack = testStack();
    const error = thrown(() => new ServerlessFunction(stack, 'F', {
      code: FunctionCode.fromAsset('/nope/handlers'),
      memorySize: 1,
    }));
    expect(error.problems.map((p) => p.code).sort()).toEqual(['LBP_CODE_ASSET_NOT_FOUND', 'LBP_MEMORY_SIZE']);
  });

  test('a Python project with a bad memorySize: reported before anything is resolved or installed', () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'lbp-one-round-cache-'));
    const build = jest.spyOn(buildDependencies, 'buildDependencies');
    const installsBefore = installStats.installs;
    const stack = testStack();
    const error = thrown(() => new ServerlessFunction(stack, 'F', {
      code: FunctionCode.fromPythonProject(PYTHON_FIXTURE, { installer: PythonInstaller.PIP, cacheDirectory: cache }),
      memorySize: 1,
    }));
    expect(error.problems.map((p) => p.code)).toEqual(['LBP_MEMORY_SIZE']);
    expect(build).toHaveBeenCalledTimes(0);
    expect(installStats.installs - installsBefore).toBe(0);
    expect(fs.readdirSync(cache)).toEqual([]);
  });

  test('a missing Python project and a bad memorySize: one error with both codes', () => {
    const stack = testStack();
    const error = thrown(() => new ServerlessFunction(stack, 'F', {
      code: FunctionCode.fromPythonProject('/nope/orders'),
      memorySize: 1,
    }));
    expect(error.problems.map((p) => p.code).sort()).toEqual(['LBP_MEMORY_SIZE', 'LBP_PYTHON_PROJECT_NOT_FOUND']);
  });
});

describe('children built by a parent take its checked settings', () => {
  const alarmCalls = (spy: jest.SpyInstance, property: string) => spy.mock.calls.filter((c) => c[1] === property).length;

  test('a ServerlessFunction checks each alarm option once (not again in FunctionAlarms or its FailureQueue)', () => {
    const spy = jest.spyOn(alarmSettings, 'resolveAlarmSettings');
    const stack = testStack();
    new ServerlessFunction(stack, 'F', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      alarms: { errors: { threshold: 5 }, deadLetterQueueAge: { threshold: 3600 } },
    });
    expect(alarmCalls(spy, 'alarms.errors')).toBe(1);
    expect(alarmCalls(spy, 'alarms.deadLetterQueueAge')).toBe(1);
    expect(alarmCalls(spy, 'ageAlarm')).toBe(0);
  });

  test('a pattern checks its function\'s alarm and deployment options once', () => {
    const alarms = jest.spyOn(alarmSettings, 'resolveAlarmSettings');
    const deployment = jest.spyOn(deploymentChecks, 'validateDeploymentOptions');
    const stack = testStack();
    new QueueProcessor(stack, 'P', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      functionOptions: { alarms: { errors: { threshold: 5 } }, deployment: {} },
    });
    expect(alarms.mock.calls.filter((c) => String(c[1]).endsWith('alarms.errors')).length).toBe(1);
    expect(deployment).toHaveBeenCalledTimes(1);
  });

  test('a FailureQueue, FunctionAlarms and FunctionDeployment made by a user still check their props', () => {
    const stack = testStack();
    const f = new ServerlessFunction(stack, 'F', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    expect(thrown(() => new FailureQueue(stack, 'Sink', { purpose: 'x', ageAlarm: { threshold: -1 } }))
      .problems.map((p) => p.code)).toEqual(['LBP_ALARM_THRESHOLD']);
    expect(thrown(() => new FunctionAlarms(stack, 'A', {
      function: f.unqualifiedFunction, alias: f.alias, timeout: f.timeout, alarmTopic: f.alarmTopic, options: { errors: { threshold: -1 } },
    })).problems.map((p) => p.property)).toEqual(['alarms.errors.threshold']);
  });
});

describe('a pattern names every problem by the path its user wrote, in the fix too', () => {
  test('an option the pattern checks: functionOptions.alarms.errors.threshold, property and fix', () => {
    const stack = testStack();
    const error = thrown(() => new QueueProcessor(stack, 'P', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      functionOptions: { alarms: { errors: { threshold: -1 } } },
    }));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0].property).toBe('functionOptions.alarms.errors.threshold');
    expect(error.problems[0].fix).toMatch(/^set functionOptions\.alarms\.errors\.threshold /);
    expect(error.message).not.toMatch(/Fix: set alarms\./);
  });

  test('a problem found while the pattern builds its function is named under functionOptions; the code\'s own keep their names', () => {
    const stack = testStack();
    const handler = thrown(() => new QueueProcessor(stack, 'P', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      functionOptions: { handler: 'missing.handler' },
    }));
    expect(handler.constructPath).toBe('TestStack/P');
    expect(handler.problems.map((p) => p.property)).toEqual(['functionOptions.handler']);
    const entry = thrown(() => new QueueProcessor(stack, 'Q', {
      code: FunctionCode.fromNodejsEntry('/nope/missing.ts'),
      functionOptions: { memorySize: 1 },
    }));
    // The code's cheap checks run in the pattern's own round too.
    expect(entry.problems.map((p) => p.property)).toEqual(expect.arrayContaining(['entry', 'functionOptions.memorySize']));
  });
});
