/// A steady-traffic function on Lambda Managed Instances: its own capacity provider in the VPC's
/// private subnets, four concurrent invocations per execution environment, 2 to 10 environments.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { Annotations, App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { FunctionCode, ServerlessFunction } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsManagedInstances');
// The VPC belongs to the network team's stack: imported, never created by the library.
const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
  vpcId: 'vpc-0a1b2c3d4e5f67890',
  availabilityZones: ['us-east-1a', 'us-east-1b'],
  privateSubnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0aaaaaaaaaaaaaaa2'],
});

const fn = new ServerlessFunction(stack, 'Catalog', {
  code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')),
  vpc,
  capacity: {
    maxConcurrencyPerEnvironment: 4,
    memoryPerVCpu: 2,
    minEnvironments: 2,
    maxEnvironments: 10,
  },
});
// The fixture handler keeps no per-request state in module globals.
Annotations.of(fn).acknowledgeWarning('cdk-lambda-blueprints:managedInstancesConcurrentHandler',
  'the handler keeps no per-request state in module globals and writes nothing to /tmp');

new IntegTest(app, 'ManagedInstances', { testCases: [stack] });
app.synth();
