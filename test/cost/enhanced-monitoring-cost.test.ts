import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { EnhancedMonitoring, FunctionCode, ServerlessFunction } from '../../src';
import { stackCostReport } from '../../src/cost/cost-report';
import { HANDLER_DIR, TEST_ENV } from '../helpers/template';

function report(build: (stack: Stack) => void) {
  const stack = new Stack(new App(), 'Shop', { env: TEST_ENV });
  build(stack);
  return stackCostReport(stack);
}

const code = FunctionCode.fromAsset(HANDLER_DIR);

describe('enhanced monitoring in the idle cost report', () => {
  test('Lambda Insights and Application Signals: a $0 line each, counted per function, and an UNVERIFIED note on their per-use rates', () => {
    const withMonitoring = report((s) => {
      new ServerlessFunction(s, 'A', { code, enhancedMonitoring: EnhancedMonitoring.LAMBDA_INSIGHTS });
      new ServerlessFunction(s, 'B', { code, enhancedMonitoring: EnhancedMonitoring.LAMBDA_INSIGHTS, architecture: lambda.Architecture.X86_64 });
      new ServerlessFunction(s, 'C', { code, enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS });
    });
    const without = report((s) => {
      new ServerlessFunction(s, 'A', { code });
      new ServerlessFunction(s, 'B', { code, architecture: lambda.Architecture.X86_64 });
      new ServerlessFunction(s, 'C', { code });
    });
    expect(withMonitoring.lines.filter((l) => l.item.startsWith('functions with'))).toEqual([
      { item: 'functions with Lambda Insights (billed per invocation only)', count: 2, unitUsd: 0, monthlyUsd: 0 },
      { item: 'functions with Application Signals (billed per use only)', count: 1, unitUsd: 0, monthlyUsd: 0 },
    ]);
    // Idle, the options add nothing to the total.
    expect(withMonitoring.monthlyUsd).toBe(without.monthlyUsd);
    const notes = withMonitoring.notes.filter((n) => n.startsWith('UNVERIFIED'));
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/2 function\(s\) with Lambda Insights.*https:\/\/aws\.amazon\.com\/cloudwatch\/pricing\/ \(read 2026-12-07\)/);
    expect(notes[1]).toMatch(/1 function\(s\) with Application Signals/);
  });

  test('without the option, no such line or note', () => {
    const r = report((s) => new ServerlessFunction(s, 'A', { code }));
    expect(r.lines.some((l) => l.item.startsWith('functions with'))).toBe(false);
    expect(r.notes.join()).not.toMatch(/Lambda Insights|Application Signals/);
  });
});
