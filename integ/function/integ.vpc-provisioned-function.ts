/// A latency-critical function in a VPC reaching a private database, with provisioned concurrency that
/// scales on utilisation and on a weekday schedule (reference workload 7).
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { FunctionCode, ServerlessFunction } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsVpcProvisionedFunction');
// The VPC belongs to the network team's stack: imported, never created by the library.
const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
  vpcId: 'vpc-0a1b2c3d4e5f67890',
  availabilityZones: ['us-east-1a', 'us-east-1b'],
  privateSubnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0aaaaaaaaaaaaaaa2'],
});
const database = ec2.SecurityGroup.fromSecurityGroupId(stack, 'DatabaseSg', 'sg-0ddddddddddddddd1');

const fn = new ServerlessFunction(stack, 'Quotes', {
  code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')),
  memorySize: 1769, // one full vCPU
  vpc,
  reservedConcurrentExecutions: 100,
  provisionedConcurrency: {
    minCapacity: 5,
    maxCapacity: 50,
    utilizationTarget: 0.7,
    schedules: [
      { name: 'WeekdayMorning', schedule: appscaling.Schedule.cron({ weekDay: 'MON-FRI', hour: '7', minute: '30' }), minCapacity: 20 },
      { name: 'WeekdayEvening', schedule: appscaling.Schedule.cron({ weekDay: 'MON-FRI', hour: '20', minute: '0' }), minCapacity: 5 },
    ],
  },
});
fn.connections.allowTo(database, ec2.Port.tcp(5432), 'PostgreSQL');

new IntegTest(app, 'VpcProvisionedFunction', { testCases: [stack] });
app.synth();
