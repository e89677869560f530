import { AlbTrigger, AlbTriggerProps } from './alb-trigger';
import { EventRuleTrigger, EventRuleTriggerProps } from './event-rule-trigger';
import { FunctionUrlTrigger, FunctionUrlTriggerOptions } from './function-url-trigger';
import { HttpApiTrigger, HttpApiTriggerOptions } from './http-api-trigger';
import { ScheduleTrigger, ScheduleTriggerOptions } from './schedule-trigger';
import { TriggerSchedule } from './trigger-schedule';

/**
 * The event sources of a {@link ServerlessFunction}: each factory returns a trigger to pass to
 * `ServerlessFunction.addTrigger`. Every trigger targets the function's `live` alias, brings its
 * failure handling and checks its limits at synth.
 */
export class Trigger {
  /**
   * Invokes the function on a schedule (EventBridge Scheduler), with a dead-letter queue and a
   * bounded retry policy.
   *
   * @param schedule when, e.g. `TriggerSchedule.cron('cron(0 2 ? * MON-FRI *)')`
   * @param options time zone, flexible window, retries, input
   */
  public static schedule(schedule: TriggerSchedule, options?: ScheduleTriggerOptions): ScheduleTrigger {
    return new ScheduleTrigger(schedule, options);
  }

  /**
   * Invokes the function for events matching a pattern on an event bus, with a target dead-letter
   * queue and a bounded retry policy.
   *
   * @param props the event pattern, bus and retry policy
   */
  public static eventRule(props: EventRuleTriggerProps): EventRuleTrigger {
    return new EventRuleTrigger(props);
  }

  /**
   * Serves the function over an API Gateway HTTP API (IAM or JWT auth, throttling, JSON access logs).
   *
   * @param options routes, authorization, throttling, logs
   */
  public static httpApi(options?: HttpApiTriggerOptions): HttpApiTrigger {
    return new HttpApiTrigger(options);
  }

  /**
   * Gives the function a function URL (IAM auth unless a public URL is explicitly allowed).
   *
   * @param options auth type, CORS, invoke mode
   */
  public static functionUrl(options?: FunctionUrlTriggerOptions): FunctionUrlTrigger {
    return new FunctionUrlTrigger(options);
  }

  /**
   * Puts the function behind an Application Load Balancer listener.
   *
   * @param props the listener, rule priority and conditions
   */
  public static alb(props: AlbTriggerProps): AlbTrigger {
    return new AlbTrigger(props);
  }

  private constructor() {}
}
