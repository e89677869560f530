import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Blueprints, BlueprintsOptions } from './blueprints';
import { blueprintsOptionsOf, checkBlueprintStackProps, failedStack } from './private/blueprints-options-checks';

/**
 * Properties of a {@link BlueprintStack}.
 */
export interface BlueprintStackProps extends StackProps, BlueprintsOptions {}

/**
 * A Stack with the library's checks applied (see `Blueprints.applyTo`): the chosen cdk-nag packs
 * (AwsSolutions and Serverless by default; HIPAA, NIST and PCI opt-in), the 500-resource / 1 MB budget, tags, the hardening of plain functions and
 * a dashboard of its ServerlessFunctions.
 */
export class BlueprintStack extends Stack {
  constructor(scope: Construct, id: string, props: BlueprintStackProps = {}) {
    try {
      checkBlueprintStackProps(scope, id, props);
      super(scope, id, props);
      Blueprints.applyTo(this, blueprintsOptionsOf(props));
    } catch (error) {
      // Nothing half-made: aws-cdk-lib adds the stack to the app before it checks the props.
      throw failedStack(scope, id, error);
    }
  }
}
