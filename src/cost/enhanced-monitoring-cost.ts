import { CfnResource, Stack } from 'aws-cdk-lib';
import type { CostLine } from './cost-report';
import type { PriceSource } from './price-sources';

const INSIGHTS_ITEM = 'functions with Lambda Insights (billed per invocation only)';
const APP_SIGNALS_ITEM = 'functions with Application Signals (billed per use only)';
const NO_STANDING_CHARGE: PriceSource = {
  url: 'https://aws.amazon.com/cloudwatch/pricing/',
  read: '2026-12-07',
  verified: false,
  note: 'no standing charge found on the page: billed per invocation (custom metrics, logs, spans) at rates not verified there',
};

/** The rates of the report's enhanced-monitoring lines: $0 while idle, with their source. @internal */
export const ENHANCED_MONITORING_RATES: { readonly [item: string]: { readonly unitUsd: number; readonly source: PriceSource } } = {
  [INSIGHTS_ITEM]: { unitUsd: 0, source: NO_STANDING_CHARGE },
  [APP_SIGNALS_ITEM]: { unitUsd: 0, source: NO_STANDING_CHARGE },
};

/**
 * What Lambda Insights and Application Signals cost a stack while idle, from its functions' layers.
 *
 * Both bill by use only, as far as AWS's pages say: each invocation of a function with Lambda Insights
 * writes one log event to `/aws/lambda-insights`, with 8 metrics in embedded metric format
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Lambda-Insights-example-event.html,
 * read 2026-12-07); Application Signals sends spans and metrics per invocation. No invocation, no log
 * event, no metric data point: the standing cost per function is $0, and the report says so with a
 * line of its own. The per-use rates (custom metrics, log ingestion, Application Signals) were not
 * found on https://aws.amazon.com/cloudwatch/pricing/ (read 2026-12-07): the note marks them
 * UNVERIFIED and adds nothing to the total.
 *
 * @internal
 */
export function enhancedMonitoringCost(resources: CfnResource[]): { lines: CostLine[]; notes: string[] } {
  let insights = 0;
  let signals = 0;
  for (const r of resources) {
    if (r.cfnResourceType !== 'AWS::Lambda::Function') {
      continue;
    }
    const layers = JSON.stringify(Stack.of(r).resolve((r as any).layers) ?? []);
    if (layers.includes(':layer:LambdaInsightsExtension')) {
      insights++;
    }
    if (layers.includes(':layer:AWSOpenTelemetryDistro')) {
      signals++;
    }
  }
  const lines: CostLine[] = [];
  const notes: string[] = [];
  if (insights > 0) {
    lines.push({ item: INSIGHTS_ITEM, count: insights, unitUsd: 0, monthlyUsd: 0 });
    notes.push(`UNVERIFIED, NOT IN THE TOTAL: ${insights} function(s) with Lambda Insights write one log event (8 metrics in embedded ` +
      'metric format, by function name and by function name and version) per invocation; the custom-metric and log-ingestion ' +
      'rates that apply were not verified on https://aws.amazon.com/cloudwatch/pricing/ (read 2026-12-07): price them there with your traffic.');
  }
  if (signals > 0) {
    lines.push({ item: APP_SIGNALS_ITEM, count: signals, unitUsd: 0, monthlyUsd: 0 });
    notes.push(`UNVERIFIED, NOT IN THE TOTAL: ${signals} function(s) with Application Signals send spans and metrics per invocation; ` +
      'the Application Signals and X-Ray rates that apply were not verified on https://aws.amazon.com/cloudwatch/pricing/ (read 2026-12-07).');
  }
  return { lines, notes };
}
