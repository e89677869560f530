import { App, Stack } from 'aws-cdk-lib';
import { FunctionCode, ServerlessFunction, BlueprintStack } from '../../src';
import { budgetViolations, ResourceBudgetPlugin } from '../../src/compliance/private/resource-budget-plugin';
import { HANDLER_DIR, TEST_ENV } from '../helpers/template';

function stackOf(functions: number): { app: App; stack: Stack } {
  const app = new App();
  const stack = new Stack(app, `Budget${functions}`, { env: TEST_ENV });
  for (let i = 0; i < functions; i++) {
    new ServerlessFunction(stack, `Fn${i}`, { code: FunctionCode.fromAsset(HANDLER_DIR) });
  }
  app.synth();
  return { app, stack };
}

function resourcesPerFunction(): number {
  const one = new ResourceBudgetPlugin(stackOf(1).stack).measure()[0].resources;
  const two = new ResourceBudgetPlugin(stackOf(2).stack).measure()[0].resources;
  return two - one;
}

describe('resource budget', () => {
  const perFunction = resourcesPerFunction();

  test('a small stack passes with no violation', () => {
    const { stack } = stackOf(3);
    expect(new ResourceBudgetPlugin(stack).validate({ templatePaths: [] })).toEqual({ success: true, violations: [] });
  });

  test('a stack of many functions reaches 80 % of 500: a warning, synth still succeeds', () => {
    const n = Math.ceil(400 / perFunction) + 1;
    const { stack } = stackOf(n);
    const report = new ResourceBudgetPlugin(stack).validate({ templatePaths: [] });
    expect(report.success).toBe(true);
    expect(report.violations).toEqual([expect.objectContaining({ ruleName: 'LBP_RESOURCE_BUDGET', severity: 'warning' })]);
    expect(report.violations[0].fix).toMatch(/Split the stack/);
  });

  test('a BlueprintStack past 500 resources stops synth with the advice to split', () => {
    const app = new App();
    const stack = new BlueprintStack(app, 'TooBig', { env: TEST_ENV, nagPacks: [], dashboard: false });
    const n = Math.ceil(500 / perFunction) + 1;
    for (let i = 0; i < n; i++) {
      new ServerlessFunction(stack, `Fn${i}`, { code: FunctionCode.fromAsset(HANDLER_DIR) });
    }
    expect(() => app.synth()).toThrow(/LBP_RESOURCE_BUDGET[\s\S]*at most 500 resources[\s\S]*Split the stack/);
  });

  test('a BlueprintStack just past 80 % still synthesizes (the warning is in the validation report)', () => {
    const app = new App({ context: { '@aws-cdk/core:failSynthOnValidationErrors': false } });
    const stack = new BlueprintStack(app, 'Big', { env: TEST_ENV, nagPacks: [], dashboard: false });
    for (let i = 0; i < Math.ceil(400 / perFunction); i++) {
      new ServerlessFunction(stack, `Fn${i}`, { code: FunctionCode.fromAsset(HANDLER_DIR) });
    }
    expect(() => app.synth()).not.toThrow();
    expect(process.exitCode ?? 0).toBe(0);
  });

  test('boundaries: 399 and 500 resources, 80 % and 100 % of 1 MB', () => {
    const b = (resources: number, bytes: number) => budgetViolations({ stackName: 'S', templatePath: 'x', resources, bytes })
      .map((v) => `${v.ruleName}:${v.severity}`);
    expect(b(399, 1000)).toEqual([]);
    expect(b(400, 1000)).toEqual(['LBP_RESOURCE_BUDGET:warning']);
    expect(b(500, 1000)).toEqual(['LBP_RESOURCE_BUDGET:warning']);
    expect(b(501, 1000)).toEqual(['LBP_RESOURCE_BUDGET:error']);
    expect(b(10, 838_860)).toEqual([]);
    expect(b(10, 838_861)).toEqual(['LBP_TEMPLATE_SIZE:warning']);
    expect(b(10, 1_048_576)).toEqual(['LBP_TEMPLATE_SIZE:warning']);
    expect(b(10, 1_048_577)).toEqual(['LBP_TEMPLATE_SIZE:error']);
  });

  test('only the stacks of its scope are measured', () => {
    const app = new App();
    const a = new Stack(app, 'A', { env: TEST_ENV });
    new Stack(app, 'B', { env: TEST_ENV });
    app.synth();
    expect(new ResourceBudgetPlugin(a).measure().map((m) => m.stackName)).toEqual(['A']);
    expect(new ResourceBudgetPlugin(app).measure().map((m) => m.stackName)).toEqual(['A', 'B']);
  });

  test('resources per default function (reported in docs/observability.md)', () => {
    expect(perFunction).toBeGreaterThan(0);
    // eslint-disable-next-line no-console
    console.log(`resources per default ServerlessFunction: ${perFunction}`);
  });
});
