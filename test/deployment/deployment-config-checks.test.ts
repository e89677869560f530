import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { FunctionCode, FunctionDeployment, QueueProcessor, ServerlessFunction, ServerlessFunctionProps } from '../../src';
import { BlueprintValidationError } from '../../src/validation/blueprint-error';
import { HANDLER_DIR, TEST_ENV, testStack } from '../helpers/template';

/** Builds a function with `deployment`; returns the error (if any) and the stack. */
function attempt(build: (stack: Stack) => Partial<ServerlessFunctionProps>): { error?: BlueprintValidationError; stack: Stack } {
  const stack = testStack();
  const props = build(stack);
  try {
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), ...props });
    return { stack };
  } catch (e) {
    expect(e).toBeInstanceOf(BlueprintValidationError);
    return { error: e as BlueprintValidationError, stack };
  }
}

function canary(percentage: number, interval: Duration) {
  return (stack: Stack) => ({
    deployment: {
      config: new codedeploy.LambdaDeploymentConfig(stack, 'Config', {
        trafficRouting: codedeploy.TrafficRouting.timeBasedCanary({ percentage, interval }),
      }),
    },
  });
}

function linear(percentage: number, interval: Duration) {
  return (stack: Stack) => ({
    deployment: {
      config: new codedeploy.LambdaDeploymentConfig(stack, 'Config', {
        trafficRouting: codedeploy.TrafficRouting.timeBasedLinear({ percentage, interval }),
      }),
    },
  });
}

function codes(error: BlueprintValidationError | undefined): string[] {
  return error?.problems.map((p) => p.code) ?? [];
}

describe('custom traffic shifting (LBP_DEPLOYMENT_PERCENTAGE, LBP_DEPLOYMENT_INTERVAL)', () => {
  test.each([0, 101, 10.5, -5])('a canary of %p % is refused, naming deployment.config', (percentage) => {
    const { error, stack } = attempt(canary(percentage, Duration.minutes(5)));
    expect(codes(error)).toEqual(['LBP_DEPLOYMENT_PERCENTAGE']);
    expect(error!.problems[0].property).toBe('deployment.config (canaryPercentage)');
    expect(error!.message).toMatch(/whole percentage of traffic from 1 to 100/);
    // Nothing half-made: only the user's own config remains.
    expect(stack.node.tryFindChild('Fn')).toBeUndefined();
  });

  test.each([1, 99, 100])('a canary of %p % is accepted', (percentage) => {
    const { error, stack } = attempt(canary(percentage, Duration.minutes(5)));
    expect(error).toBeUndefined();
    Template.fromStack(stack).hasResourceProperties('AWS::CodeDeploy::DeploymentConfig', {
      TrafficRoutingConfig: { Type: 'TimeBasedCanary', TimeBasedCanary: { CanaryPercentage: percentage, CanaryInterval: 5 } },
    });
  });

  test('a linear step of 0 % is refused, 1 % accepted', () => {
    expect(codes(attempt(linear(0, Duration.minutes(1))).error)).toEqual(['LBP_DEPLOYMENT_PERCENTAGE']);
    expect(attempt(linear(1, Duration.minutes(1))).error).toBeUndefined();
  });

  test('an interval of 0 minutes is refused, 1 minute accepted', () => {
    const { error } = attempt(canary(10, Duration.minutes(0)));
    expect(codes(error)).toEqual(['LBP_DEPLOYMENT_INTERVAL']);
    expect(error!.problems[0].property).toBe('deployment.config (canaryInterval)');
    expect(attempt(canary(10, Duration.minutes(1))).error).toBeUndefined();
    expect(codes(attempt(linear(10, Duration.minutes(0))).error)).toEqual(['LBP_DEPLOYMENT_INTERVAL']);
  });

  test('a bad percentage and a bad interval are reported together', () => {
    expect(codes(attempt(canary(0, Duration.minutes(0))).error)).toEqual(['LBP_DEPLOYMENT_PERCENTAGE', 'LBP_DEPLOYMENT_INTERVAL']);
  });
});

describe('48 hours between the first and the last shift (LBP_DEPLOYMENT_DURATION)', () => {
  test('a canary of 2,881 minutes is refused, 2,880 accepted', () => {
    const { error } = attempt(canary(10, Duration.minutes(2881)));
    expect(codes(error)).toEqual(['LBP_DEPLOYMENT_DURATION']);
    expect(error!.message).toMatch(/at most 48 hours \(2880 minutes\)/);
    expect(attempt(canary(10, Duration.minutes(2880))).error).toBeUndefined();
  });

  test('a linear 10 % every 321 minutes (9 waits, 2,889 minutes) is refused, every 320 minutes accepted', () => {
    const { error } = attempt(linear(10, Duration.minutes(321)));
    expect(codes(error)).toEqual(['LBP_DEPLOYMENT_DURATION']);
    expect(error!.problems[0].fix).toMatch(/Duration\.minutes\(320\)/);
    expect(attempt(linear(10, Duration.minutes(320))).error).toBeUndefined();
  });

  test('a linear 3 % step counts ceil(100 / 3) - 1 = 33 waits', () => {
    // 33 x 87 = 2,871 minutes passes; 33 x 88 = 2,904 does not.
    expect(attempt(linear(3, Duration.minutes(87))).error).toBeUndefined();
    expect(codes(attempt(linear(3, Duration.minutes(88))).error)).toEqual(['LBP_DEPLOYMENT_DURATION']);
  });

  test('the predefined configurations pass', () => {
    for (const config of [codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_10MINUTES, codedeploy.LambdaDeploymentConfig.ALL_AT_ONCE]) {
      expect(attempt(() => ({ deployment: { config } })).error).toBeUndefined();
    }
  });
});

describe('compute platform (LBP_DEPLOYMENT_CONFIG_PLATFORM)', () => {
  test.each(['CodeDeployDefault.OneAtATime', 'CodeDeployDefault.ECSCanary10Percent5Minutes'])('%s is refused', (name) => {
    const { error } = attempt((stack) => ({ deployment: { config: codedeploy.LambdaDeploymentConfig.fromLambdaDeploymentConfigName(stack, 'Config', name) } }));
    expect(codes(error)).toEqual(['LBP_DEPLOYMENT_CONFIG_PLATFORM']);
    expect(error!.problems[0].property).toBe('deployment.config');
  });

  test('a Lambda predefined name and a custom name are accepted', () => {
    for (const name of ['CodeDeployDefault.LambdaCanary10Percent15Minutes', 'MyTeamCanary']) {
      expect(attempt((stack) => ({ deployment: { config: codedeploy.LambdaDeploymentConfig.fromLambdaDeploymentConfigName(stack, 'Config', name) } })).error).toBeUndefined();
    }
  });

  test('a server configuration passed from JavaScript is refused', () => {
    const { error } = attempt((stack) => ({
      deployment: { config: new codedeploy.ServerDeploymentConfig(stack, 'Config', { minimumHealthyHosts: codedeploy.MinimumHealthyHosts.count(1) }) as unknown as codedeploy.ILambdaDeploymentConfig },
    }));
    expect(codes(error)).toEqual(['LBP_DEPLOYMENT_CONFIG_PLATFORM']);
  });
});

function alarms(stack: Stack, n: number): cloudwatch.IAlarm[] {
  return Array.from({ length: n }, (_, i) => cloudwatch.Alarm.fromAlarmName(stack, `Extra${i}`, `extra-${i}`));
}

describe('at most 10 alarms (LBP_DEPLOYMENT_ALARMS)', () => {
  test('8 rollback alarms plus errors and duration (10) pass; 9 (11) are refused', () => {
    expect(attempt((stack) => ({ deployment: { rollbackAlarms: alarms(stack, 8) } })).error).toBeUndefined();
    const { error } = attempt((stack) => ({ deployment: { rollbackAlarms: alarms(stack, 9) } }));
    expect(codes(error)).toEqual(['LBP_DEPLOYMENT_ALARMS']);
    expect(error!.problems[0].property).toBe('deployment.rollbackAlarms');
    expect(error!.message).toMatch(/11 with the function's own 2/);
  });

  test('with the errors and duration alarms off, 10 rollback alarms pass and 11 are refused', () => {
    const off = { errors: { enabled: false }, duration: { enabled: false } };
    expect(attempt((stack) => ({ alarms: off, deployment: { rollbackAlarms: alarms(stack, 10) } })).error).toBeUndefined();
    expect(codes(attempt((stack) => ({ alarms: off, deployment: { rollbackAlarms: alarms(stack, 11) } })).error)).toEqual(['LBP_DEPLOYMENT_ALARMS']);
  });

  test('without rollback on alarms, no alarm is configured and the count does not matter', () => {
    expect(attempt((stack) => ({ deployment: { rollbackOnAlarms: false, rollbackAlarms: alarms(stack, 12) } })).error).toBeUndefined();
  });

  test('an alarm listed twice is refused', () => {
    const { error } = attempt((stack) => {
      const [a] = alarms(stack, 1);
      return { deployment: { rollbackAlarms: [a, a] } };
    });
    expect(codes(error)).toEqual(['LBP_DEPLOYMENT_ALARMS']);
    expect(error!.problems[0].property).toBe('deployment.rollbackAlarms[1]');
  });

  test('FunctionDeployment used directly counts the function alarms it is given', () => {
    const stack = testStack();
    const f = new ServerlessFunction(stack, 'Target', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    const [own1, own2, ...extra] = alarms(stack, 11);
    expect(() => new FunctionDeployment(stack, 'Too', {
      function: f.unqualifiedFunction, alias: f.alias, functionAlarms: [own1, own2], rollbackAlarms: extra,
    })).toThrow(/LBP_DEPLOYMENT_ALARMS/);
    expect(stack.node.tryFindChild('Too')).toBeUndefined();
    expect(() => new FunctionDeployment(stack, 'Fits', {
      function: f.unqualifiedFunction, alias: f.alias, functionAlarms: [own1, own2], rollbackAlarms: extra.slice(0, 8),
    })).not.toThrow();
  });
});

describe('account and Region (LBP_DEPLOYMENT_ENV)', () => {
  test('a hook function of another Region is refused; of the same Region accepted', () => {
    const { error } = attempt((stack) => ({
      deployment: { preTrafficHook: lambda.Function.fromFunctionArn(stack, 'Hook', 'arn:aws:lambda:eu-west-1:123456789012:function:smoke') },
    }));
    expect(codes(error)).toEqual(['LBP_DEPLOYMENT_ENV']);
    expect(error!.problems[0].property).toBe('deployment.preTrafficHook');
    expect(attempt((stack) => ({
      deployment: { preTrafficHook: lambda.Function.fromFunctionArn(stack, 'Hook', `arn:aws:lambda:${TEST_ENV.region}:${TEST_ENV.account}:function:smoke`) },
    })).error).toBeUndefined();
  });

  test('a configuration defined in another account\'s stack is refused', () => {
    const app = new App();
    const other = new Stack(app, 'Other', { env: { account: '210987654321', region: TEST_ENV.region } });
    const config = new codedeploy.LambdaDeploymentConfig(other, 'Config', {
      trafficRouting: codedeploy.TrafficRouting.timeBasedCanary({ percentage: 5, interval: Duration.minutes(5) }),
    });
    const stack = new Stack(app, 'Here', { env: TEST_ENV });
    expect(() => new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), deployment: { config } }))
      .toThrow(/LBP_DEPLOYMENT_ENV[^]*deployment\.config/);
  });
});

describe('under a pattern', () => {
  test('a bad custom config is named functionOptions.deployment.config, before anything is created', () => {
    const stack = testStack();
    const config = new codedeploy.LambdaDeploymentConfig(stack, 'Config', {
      trafficRouting: codedeploy.TrafficRouting.timeBasedLinear({ percentage: 0, interval: Duration.minutes(1) }),
    });
    const before = stack.node.findAll().length;
    let error: BlueprintValidationError | undefined;
    try {
      new QueueProcessor(stack, 'Orders', { code: FunctionCode.fromAsset(HANDLER_DIR), functionOptions: { deployment: { config } } });
    } catch (e) {
      error = e as BlueprintValidationError;
    }
    expect(error?.problems.map((p) => [p.code, p.property])).toEqual([['LBP_DEPLOYMENT_PERCENTAGE', 'functionOptions.deployment.config (linearPercentage)']]);
    expect(error?.constructPath).toBe('TestStack/Orders');
    expect(stack.node.findAll()).toHaveLength(before);
  });
});
