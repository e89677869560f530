import * as lambda from 'aws-cdk-lib/aws-lambda';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { APP_SIGNALS_LAYERS, INSIGHTS_LAYERS, INSIGHTS_VERSION } from '../../src/function/private/monitoring-layers';
import * as signalsPage from '../fixtures/aws-pages/application-signals-lambda-layers.json';
import * as insightsPage from '../fixtures/aws-pages/lambda-insights-extension-1.0.498.0.json';

// The fixtures hold the ARNs as AWS's pages list them, with the page's URL and the date they were read.
describe('the pinned layer tables against AWS\'s published ARNs', () => {
  test('every fixture names its page and the date it was read', () => {
    for (const page of [signalsPage, insightsPage.arm64, insightsPage.x86_64]) {
      expect(page.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/AmazonCloudWatch\/latest\/monitoring\//);
      expect(page.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('Lambda Insights 1.0.498.0: each architecture\'s table equals the page\'s rows', () => {
    expect(INSIGHTS_VERSION).toBe(insightsPage.version);
    expect(INSIGHTS_LAYERS.arm64).toEqual(insightsPage.arm64.arns);
    expect(INSIGHTS_LAYERS.x86_64).toEqual(insightsPage.x86_64.arns);
  });

  test.each([
    ['Python', lambda.RuntimeFamily.PYTHON, signalsPage.python],
    ['Node.js', lambda.RuntimeFamily.NODEJS, signalsPage.nodejs],
    ['Java', lambda.RuntimeFamily.JAVA, signalsPage.java],
  ])('Application Signals, %s: the table equals the page\'s rows', (_name, family, rows) => {
    expect(APP_SIGNALS_LAYERS[family]).toEqual(rows);
  });

  test('every ARN is a layer version in its own Region, of the architecture\'s layer name', () => {
    for (const [arch, table] of Object.entries(INSIGHTS_LAYERS)) {
      for (const [region, arn] of Object.entries(table)) {
        expect(arn).toMatch(new RegExp(`^arn:aws:lambda:${region}:\\d{12}:layer:LambdaInsightsExtension${arch === 'arm64' ? '-Arm64' : ''}:\\d+$`));
      }
    }
    for (const table of Object.values(APP_SIGNALS_LAYERS)) {
      for (const [region, arn] of Object.entries(table)) {
        expect(arn).toMatch(new RegExp(`^arn:aws:lambda:${region}:\\d{12}:layer:AWSOpenTelemetryDistro(Python|Js|Java):\\d+$`));
      }
    }
  });

  test('aws-cdk-lib\'s own arm64 table for 1.0.498.0 differs from the page (aws/aws-cdk#36867), which is why the library keeps its own', () => {
    const differing = Object.entries(INSIGHTS_LAYERS.arm64)
      .filter(([region, arn]) => RegionInfo.get(region).cloudwatchLambdaInsightsArn(INSIGHTS_VERSION, 'arm64') !== arn)
      .map(([region]) => region);
    expect(differing.sort()).toEqual(Object.keys(INSIGHTS_LAYERS.arm64).filter((r) => r !== 'us-west-1').sort());
  });
});
