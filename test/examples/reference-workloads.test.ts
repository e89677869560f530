import { App, Environment, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  acknowledgeUserDecisions, coreStack, deviceEventsStack, imagePipelineStack, nightlyJobStack, platformStack, pythonJavaStack,
  queueWorkerStack, streamAnalyticsStack,
  subscribersStack, webBackendStack,
} from '../../examples/reference-workloads';
import { checkFailurePaths } from '../helpers/failure-paths';
import { nagFindings } from '../helpers/nag';

const env: Environment = { account: '123456789012', region: 'us-east-1' };
const workloads: Array<[string, (app: App, e: Environment) => Stack]> = [
  ['0 a default function', coreStack],
  ['1 S3 image pipeline with a layer', imagePipelineStack],
  ['2 Kinesis analytics', streamAnalyticsStack],
  ['3 HTTP API backend', webBackendStack],
  ['4 weekday 02:00 cron', nightlyJobStack],
  ['5 SQS with partial batch failures', queueWorkerStack],
  ['6 DynamoDB Streams and SNS subscribers', subscribersStack],
  ['7 VPC, layer, secrets, provisioned concurrency, container image', platformStack],
  ['8 IoT rule, log subscription, Alexa skill, Firehose transformation', deviceEventsStack],
  ['Python (arm64 dependencies, a Python layer) and Java (SnapStart) handlers', pythonJavaStack],
];

describe.each(workloads)('reference workload %s', (_name, build) => {
  const app = new App();
  acknowledgeUserDecisions(app);
  const stack = build(app, env);

  test('zero unacknowledged findings under all five cdk-nag packs (with the app owners\' decisions)', () => {
    expect(nagFindings(stack, {})).toEqual([]);
  });

  test('every event path ends in a 14-day, encrypted, TLS-only, alarmed sink with finite retries', () => {
    const report = checkFailurePaths(Template.fromStack(stack).toJSON());
    expect(report.problems).toEqual([]);
    expect(report.paths.length).toBeGreaterThanOrEqual(1);
  });
});
