/// Reference workload 4: weekdays at 02:00, a function stops the EC2 instances tagged env=dev.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { FunctionCode, ScheduledJob, TriggerSchedule } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsScheduledJob');
new ScheduledJob(stack, 'StopDevInstances', {
  code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')),
  schedule: TriggerSchedule.cron('cron(0 2 ? * MON-FRI *)'),
  triggerOptions: { timeZone: 'Europe/Paris' },
  functionOptions: {
    timeout: Duration.minutes(5),
    initialPolicy: [
      new iam.PolicyStatement({
        actions: ['ec2:StopInstances'],
        resources: [stack.formatArn({ service: 'ec2', resource: 'instance', resourceName: '*' })],
        conditions: { StringEquals: { 'aws:ResourceTag/env': 'dev' } },
      }),
      new iam.PolicyStatement({ actions: ['ec2:DescribeInstances'], resources: ['*'] }),
    ],
  },
});

new IntegTest(app, 'ScheduledJob', { testCases: [stack] });
app.synth();
