import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { testFunction } from './fixtures';
import { FailureQueue } from '../../src';
import { testStack } from '../helpers/template';

/** The example of docs/step-functions.md, compiled and synthesized. */
describe('docs/step-functions.md', () => {
  test('LambdaInvoke on the live alias grants the alias only; the Catch ends in a FailureQueue', () => {
    const stack = testStack();
    const fn = testFunction(stack, { timeout: Duration.seconds(30) }, 'Enrich');
    const invoke = new tasks.LambdaInvoke(stack, 'Invoke', {
      lambdaFunction: fn, // a ServerlessFunction is a lambda.IFunction: its invoke side is the live alias
      payloadResponseOnly: true,
      taskTimeout: sfn.Timeout.duration(Duration.seconds(35)),
      retryOnServiceExceptions: true,
    });
    invoke.addRetry({ errors: ['Lambda.TooManyRequestsException'], interval: Duration.seconds(2), maxAttempts: 6, backoffRate: 2 });
    const failures = new FailureQueue(stack, 'EnrichFailures', { purpose: 'the Enrich state machine', alarmTopic: fn.alarmTopic });
    const keepFailure = new tasks.SqsSendMessage(stack, 'KeepFailure', {
      queue: failures.queue,
      messageBody: sfn.TaskInput.fromObject({ error: sfn.JsonPath.stringAt('$.error'), input: sfn.JsonPath.entirePayload }),
      resultPath: sfn.JsonPath.DISCARD,
    }).next(new sfn.Fail(stack, 'Failed'));
    invoke.addCatch(keepFailure, { errors: ['States.ALL'], resultPath: '$.error' });
    new sfn.StateMachine(stack, 'Pipeline', {
      definitionBody: sfn.DefinitionBody.fromChainable(invoke),
      tracingEnabled: true,
      logs: {
        destination: new logs.LogGroup(stack, 'PipelineLogs', { logGroupName: '/aws/vendedlogs/states/enrich-pipeline' }),
        level: sfn.LogLevel.ALL,
        includeExecutionData: false,
      },
    });

    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: 'lambda:InvokeFunction',
          Resource: { Ref: Match.stringLikeRegexp('EnrichLiveAlias') },
        })]),
      },
    });
    const definition = JSON.stringify(t.findResources('AWS::StepFunctions::StateMachine'));
    expect(definition).toContain('States.ALL');
    expect(definition).toContain('TimeoutSeconds\\":35');
  });
});
