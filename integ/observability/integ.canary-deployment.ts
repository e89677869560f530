/// A production function on a BlueprintStack: all five cdk-nag packs at synth, a 10 % canary
/// deployment with a pre-traffic hook that rolls back on the function's alarms, provisioned
/// concurrency auto-scaled on utilisation and a schedule, and the stack's dashboard.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import { BlueprintStack, FunctionCode, ServerlessFunction } from '../../src';

const code = FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler'));

const app = new App();
const stack = new BlueprintStack(app, 'BlueprintsCanaryDeployment', { tags: { service: 'checkout' } });

const smokeTest = new ServerlessFunction(stack, 'SmokeTest', { code, alarms: { enabled: false } });
new ServerlessFunction(stack, 'Checkout', {
  code,
  provisionedConcurrency: {
    minCapacity: 2,
    maxCapacity: 20,
    utilizationTarget: 0.7,
    schedules: [{ name: 'WeekdayMornings', schedule: appscaling.Schedule.cron({ hour: '7', minute: '0', weekDay: 'MON-FRI' }), minCapacity: 5 }],
  },
  alarms: { errors: { threshold: 2 } },
  deployment: {
    config: codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
    preTrafficHook: smokeTest,
  },
});

new IntegTest(app, 'CanaryDeployment', { testCases: [stack] });
app.synth();
