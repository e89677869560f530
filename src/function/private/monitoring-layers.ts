import * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * The AWS-published layers of enhanced monitoring, pinned: never a deploy-time "latest". Each table
 * was copied from AWS's page on the date given, and test/function/enhanced-monitoring-layers.test.ts
 * checks it against the page's rows (test/fixtures/aws-pages/). Regions not listed are refused at
 * synth (`LBP_INSIGHTS_REGION`, `LBP_APP_SIGNALS_REGION`).
 */

/** The Lambda Insights extension version the table pins. @internal */
export const INSIGHTS_VERSION = '1.0.498.0';

/**
 * The Lambda Insights extension 1.0.498.0 by architecture and Region.
 *
 * - arm64: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Lambda-Insights-extension-versionsARM.html
 *   (rows as quoted from it in aws/aws-cdk#36867 and #37463, read 2026-12-07). aws-cdk-lib 2.257's own
 *   table gives `:25` in every Region for this version, which the page contradicts (aws/aws-cdk#36867).
 * - x86_64: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Lambda-Insights-extension-versionsx86-64.html;
 *   UNVERIFIED against the page (not readable here): the ARNs of aws-cdk-lib 2.257's region-info for
 *   1.0.498.0, for the same Regions.
 *
 * @internal
 */
export const INSIGHTS_LAYERS: { readonly [architecture: string]: { readonly [region: string]: string } } = {
  arm64: arns('LambdaInsightsExtension-Arm64', {
    'us-east-1': ['580247275435', 27],
    'us-east-2': ['580247275435', 29],
    'us-west-1': ['580247275435', 25],
    'us-west-2': ['580247275435', 27],
    'af-south-1': ['012438385374', 26],
    'ap-east-1': ['519774774795', 26],
    'ap-south-1': ['580247275435', 29],
    'ap-northeast-1': ['580247275435', 38],
  }),
  x86_64: arns('LambdaInsightsExtension', {
    'us-east-1': ['580247275435', 60],
    'us-east-2': ['580247275435', 60],
    'us-west-1': ['580247275435', 60],
    'us-west-2': ['580247275435', 60],
    'af-south-1': ['012438385374', 52],
    'ap-east-1': ['519774774795', 52],
    'ap-south-1': ['580247275435', 58],
    'ap-northeast-1': ['580247275435', 87],
  }),
};

/** The accounts that publish the AWS Lambda Layer for OpenTelemetry, by Region. */
const OTEL_ACCOUNTS: { readonly [region: string]: string } = {
  'af-south-1': '904233096616',
  'ap-east-1': '888577020596',
  'ap-northeast-1': '615299751070',
  'ap-northeast-2': '615299751070',
  'ap-northeast-3': '615299751070',
  'ap-south-1': '615299751070',
  'ap-south-2': '796973505492',
  'ap-southeast-1': '615299751070',
  'ap-southeast-2': '615299751070',
  'ap-southeast-3': '039612877180',
  'ap-southeast-4': '713881805771',
  'ap-southeast-5': '152034782359',
  'ap-southeast-7': '980416031188',
  'ca-central-1': '615299751070',
  'ca-west-1': '595944127152',
  'eu-central-1': '615299751070',
  'eu-central-2': '156041407956',
  'eu-north-1': '615299751070',
  'eu-south-1': '257394471194',
  'eu-south-2': '490004653786',
  'eu-west-1': '615299751070',
  'eu-west-2': '615299751070',
  'eu-west-3': '615299751070',
  'il-central-1': '746669239226',
  'me-central-1': '739275441131',
  'me-south-1': '980921751758',
  'mx-central-1': '610118373846',
  'sa-east-1': '615299751070',
  'us-east-1': '615299751070',
  'us-east-2': '615299751070',
  'us-west-1': '615299751070',
  'us-west-2': '615299751070',
};

/** Regions whose layer version differs from the family's usual one. */
function otelLayers(name: string, usual: number, versions: { readonly [region: string]: number }): { [region: string]: string } {
  return arns(name, Object.fromEntries(Object.entries(OTEL_ACCOUNTS).map(([region, account]) => [region, [account, versions[region] ?? usual]])));
}

/**
 * The AWS Lambda Layer for OpenTelemetry (Application Signals) by runtime family and Region, one ARN
 * for both architectures: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Application-Signals-Enable-Lambda.html#Enable-Lambda-Layers
 * (read 2026-12-07).
 *
 * @internal
 */
export const APP_SIGNALS_LAYERS: { readonly [family: string]: { readonly [region: string]: string } } = {
  [lambda.RuntimeFamily.PYTHON]: otelLayers('AWSOpenTelemetryDistroPython', 15, {
    'us-east-1': 18,
    'us-west-1': 22,
    'us-west-2': 22,
    'af-south-1': 12,
    'ap-east-1': 12,
    'ap-south-2': 12,
    'ap-southeast-3': 12,
    'ap-southeast-4': 12,
    'ap-southeast-5': 3,
    'ap-southeast-7': 3,
    'ap-northeast-3': 14,
    'ap-southeast-1': 14,
    'ca-west-1': 3,
    'eu-south-1': 12,
    'eu-south-2': 12,
    'eu-central-2': 12,
    'il-central-1': 12,
    'me-south-1': 12,
    'me-central-1': 12,
    'mx-central-1': 3,
  }),
  [lambda.RuntimeFamily.NODEJS]: otelLayers('AWSOpenTelemetryDistroJs', 9, {
    'ap-southeast-5': 2, 'ap-southeast-7': 2, 'ca-west-1': 2, 'mx-central-1': 2,
  }),
  [lambda.RuntimeFamily.JAVA]: otelLayers('AWSOpenTelemetryDistroJava', 7, {
    'ap-southeast-5': 4, 'ap-southeast-7': 4, 'ca-west-1': 4, 'mx-central-1': 4,
  }),
};

/** The names of the runtime families Application Signals supports on Lambda (for messages). @internal */
export const APP_SIGNALS_FAMILIES = 'Node.js, Python, Java';

/** The wrapper the OpenTelemetry layer installs; Lambda runs the runtime through it. @internal */
export const OTEL_EXEC_WRAPPER = '/opt/otel-instrument';

/** The environment variable that names the wrapper. @internal */
export const EXEC_WRAPPER_VARIABLE = 'AWS_LAMBDA_EXEC_WRAPPER';

function arns(layerName: string, rows: { readonly [region: string]: readonly [string, number] }): { [region: string]: string } {
  return Object.fromEntries(Object.entries(rows).map(([region, [account, version]]) =>
    [region, `arn:aws:lambda:${region}:${account}:layer:${layerName}:${version}`]));
}
