import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Duration } from 'aws-cdk-lib';
import { BlueprintStack, FunctionCode, ServerlessFunction } from '../../src';
import { PRICE_SOURCES } from '../../src/cost/price-sources';
import { HANDLER_DIR, TEST_ENV } from '../helpers/template';

const code = FunctionCode.fromAsset(HANDLER_DIR);

function report(functions: number, build: (stack: BlueprintStack) => void = () => undefined) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cost-signal-'));
  const app = new App({ outdir });
  const stack = new BlueprintStack(app, 'Shop', { env: TEST_ENV, nagPacks: [] });
  for (let i = 0; i < functions; i++) {
    new ServerlessFunction(stack, `Fn${i}`, { code });
  }
  build(stack);
  app.synth();
  return JSON.parse(fs.readFileSync(path.join(outdir, 'Shop.cost.json'), 'utf-8'));
}

describe('per-function alarms (the default)', () => {
  const r = report(2);

  test('per function: the 10 alarm metrics of each combined alarm, $1.00', () => {
    expect(r.perFunction).toEqual({ functions: 2, monitoringMonthlyUsd: 1, unverifiedMonitoringMonthlyUsd: 0 });
  });

  test('per signal: each metric the combined alarm reads, $0.10 per function; they add up to the alarm line', () => {
    expect(r.perSignal.map((s: any) => s.signal)).toEqual([
      'AWS/Lambda AsyncEventsDropped', 'AWS/Lambda DeadLetterErrors', 'AWS/Lambda DestinationDeliveryFailures', 'AWS/Lambda Duration',
      'AWS/Lambda Errors', 'AWS/Lambda Invocations', 'AWS/Lambda RecursiveInvocationsDropped', 'AWS/Lambda Throttles',
      'AWS/SQS ApproximateAgeOfOldestMessage', 'AWS/SQS ApproximateNumberOfMessagesVisible',
    ]);
    for (const s of r.perSignal) {
      expect(s).toMatchObject({ metrics: 2, monthlyUsd: 0.2, verified: true, perFunctionUsd: 0.1 });
    }
    const alarmLine = r.lines.find((l: any) => l.item === 'alarm metrics (standard)');
    expect(r.perSignal.reduce((sum: number, s: any) => sum + s.monthlyUsd, 0)).toBeCloseTo(alarmLine.monthlyUsd, 5);
  });

  test('every rate names its pricing page and the date it was read, and nothing is unverified', () => {
    expect(r.rates).toEqual(r.lines.map((l: any) => expect.objectContaining({ item: l.item, unitUsd: l.unitUsd, verified: true })));
    expect(r.rates.find((x: any) => x.item === 'alarm metrics (standard)')).toEqual({
      item: 'alarm metrics (standard)', unitUsd: 0.1, url: 'https://aws.amazon.com/cloudwatch/pricing/', read: '2026-12-01', verified: true,
    });
    expect(r.unverifiedLines).toEqual([]);
    expect(r.unverifiedMonthlyUsd).toBe(0);
    expect(r.insightsAlarms).toEqual({ alarms: 0, metricsAnalyzed: 0 });
  });
});

test('a single-metric alarm counts under its own metric', () => {
  const r = report(0, (stack) => {
    new ServerlessFunction(stack, 'Solo', { code, alarms: { combined: false, duration: { period: Duration.minutes(2) } } });
  });
  expect(r.perSignal.find((s: any) => s.signal === 'AWS/Lambda Duration')).toMatchObject({ metrics: 1, verified: true });
});

test('every rate of the price table has a source with a pricing page and a date', () => {
  for (const source of Object.values(PRICE_SOURCES)) {
    expect(source.url).toMatch(/^https:\/\/aws\.amazon\.com\/[a-z-]+\/pricing\/$/);
    expect(source.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(source.verified).toBe(true);
  }
});
