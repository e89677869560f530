import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { FunctionCode, ServerlessFunction } from '../../src';
import { HANDLER_DIR, normalizedTemplate, testStack } from '../helpers/template';

// Whole-construct snapshots (asset hashes normalised): any change to what a user deploys shows up here.
test('default ServerlessFunction', () => {
  const stack = testStack();
  new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
  expect(normalizedTemplate(stack)).toMatchSnapshot();
});

test('ServerlessFunction in a VPC with provisioned concurrency and auto-scaling', () => {
  const stack = testStack();
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a'], privateSubnetIds: ['subnet-a'] });
  new ServerlessFunction(stack, 'Fn', {
    code: FunctionCode.fromAsset(HANDLER_DIR), vpc, reservedConcurrentExecutions: 20, provisionedConcurrency: { minCapacity: 2, maxCapacity: 10 },
  });
  expect(normalizedTemplate(stack)).toMatchSnapshot();
});

test('synthesis is deterministic', () => {
  const make = () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    return JSON.stringify(normalizedTemplate(stack));
  };
  expect(make()).toEqual(make());
});
