/// Schedule (EventBridge Scheduler) and event-rule triggers on one function: every event path has a
/// bounded retry policy and a failure queue.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import { FunctionCode, ServerlessFunction, Trigger, TriggerSchedule } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsEventTriggers');
const fn = new ServerlessFunction(stack, 'Worker', {
  code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')),
});
fn.addTrigger(Trigger.schedule(TriggerSchedule.cron('cron(0 2 ? * MON-FRI *)'), {
  timeZone: 'Europe/Paris',
  flexibleTimeWindow: Duration.minutes(5),
  input: { task: 'nightly' },
}));
fn.addTrigger(Trigger.schedule(TriggerSchedule.rate(Duration.minutes(15))));
const bus = new events.EventBus(stack, 'Bus');
fn.addTrigger(Trigger.eventRule({
  eventBus: bus,
  eventPattern: { source: ['orders.app'], detailType: ['OrderPlaced'] },
}));

new IntegTest(app, 'EventTriggers', { testCases: [stack] });
app.synth();
