import { Duration } from 'aws-cdk-lib';

/**
 * Lambda durable execution for a ServerlessFunction: checkpointed, replayed executions of up to 366 days.
 *
 * Lambda keeps each execution's state between invocations and replays the handler from its checkpoints
 * (https://docs.aws.amazon.com/lambda/latest/dg/durable-functions.html). Durable executions run on
 * numbered versions only; every trigger and grant of a ServerlessFunction invokes the `live` alias,
 * which points at one.
 */
export interface DurableOptions {
  /**
   * How long one durable execution may run, from its start to its end, across every invocation and wait.
   *
   * Between 1 second and 366 days (31,622,400 s); checked at synth.
   */
  readonly executionTimeout: Duration;

  /**
   * How long Lambda keeps a closed execution's history (GetDurableExecutionHistory), in whole days.
   *
   * A whole number of days from 1 to 90; checked at synth.
   *
   * @default Duration.days(14) (Lambda's default)
   */
  readonly retention?: Duration;
}
