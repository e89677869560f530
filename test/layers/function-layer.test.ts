import { RemovalPolicy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { FunctionLayer, LatestRuntime } from '../../src';
import { HANDLER_DIR, testStack } from '../helpers/template';

describe('FunctionLayer', () => {
  test('defaults: ARM64, retained, any runtime, size measured', () => {
    const stack = testStack();
    const layer = new FunctionLayer(stack, 'Layer', { path: HANDLER_DIR, description: 'shared libs', license: 'MIT' });
    const t = Template.fromStack(stack);
    t.hasResource('AWS::Lambda::LayerVersion', {
      Properties: { CompatibleArchitectures: ['arm64'], Description: 'shared libs', LicenseInfo: 'MIT' },
      DeletionPolicy: 'Retain',
    });
    expect(layer.compatibleRuntimes).toBeUndefined();
    expect(layer.unzippedSizeBytes).toBeGreaterThan(0);
  });

  test('explicit runtimes, architectures and removal policy', () => {
    const stack = testStack();
    new FunctionLayer(stack, 'Layer', {
      path: HANDLER_DIR,
      compatibleRuntimes: [LatestRuntime.PYTHON],
      compatibleArchitectures: [lambda.Architecture.ARM_64, lambda.Architecture.X86_64],
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Template.fromStack(stack).hasResource('AWS::Lambda::LayerVersion', {
      Properties: { CompatibleArchitectures: ['arm64', 'x86_64'], CompatibleRuntimes: [LatestRuntime.PYTHON.name] },
      DeletionPolicy: 'Delete',
    });
  });

  test('an imported layer carries what the user knows about it', () => {
    const stack = testStack();
    const layer = FunctionLayer.fromLayerVersionArn(stack, 'L', 'arn:aws:lambda:us-east-1:123456789012:layer:x:1', {
      compatibleArchitectures: [lambda.Architecture.X86_64], unzippedSizeBytes: 1000,
    });
    expect(layer.layerVersion.layerVersionArn).toBe('arn:aws:lambda:us-east-1:123456789012:layer:x:1');
    expect(layer.compatibleArchitectures).toEqual([lambda.Architecture.X86_64]);
    expect(layer.unzippedSizeBytes).toBe(1000);
  });
});
