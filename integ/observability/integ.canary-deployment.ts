/// A production function on a BlueprintStack: all five cdk-nag packs at synth (the regulatory ones
/// opted in, with the team's own decisions), a 10 % canary deployment with a pre-traffic hook
/// (invoked through its live alias) that rolls back on the function's alarms, provisioned
/// concurrency auto-scaled on utilisation and a schedule, and the stack's dashboard.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import { BlueprintStack, FunctionCode, NagPackName, ServerlessFunction } from '../../src';

const code = FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler'));

const app = new App();
const stack = new BlueprintStack(app, 'BlueprintsCanaryDeployment', {
  tags: { service: 'checkout' },
  nagPacks: [
    NagPackName.AWS_SOLUTIONS, NagPackName.SERVERLESS, NagPackName.HIPAA_SECURITY, NagPackName.NIST_800_53_R5, NagPackName.PCI_DSS_321,
  ],
  userDecisions: {
    noVpc: 'Checkout calls public AWS endpoints only; it reaches no private network.',
    noReservedConcurrency: 'Provisioned concurrency sizes checkout; the account pool stays shared.',
  },
});

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
