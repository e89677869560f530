import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ErrorCodes } from '../validation/error-codes';
import { placeNamed } from '../validation/place';
import { checkShape } from '../validation/prop-types';
import { Validator } from '../validation/validator';

/**
 * What a {@link FunctionMetrics} factory reads metrics from.
 */
export interface FunctionMetricsProps {
  /** The function (function-wide metrics such as asynchronous events and iterator age). */
  readonly function: lambda.IFunction;

  /**
   * The alias every trigger invokes (per-alias metrics: invocations, errors, throttles, duration,
   * provisioned concurrency). Its metrics are named from the function's name and the alias name, so
   * alarms on them create no dependency cycle with a CodeDeploy deployment of the alias.
   */
  readonly alias: lambda.IAlias;
}

/**
 * Which metric each signal of a function reads: one place for metric names, statistics and
 * periods, separate from the alarms and dashboards that use them (as cdk-monitoring-constructs does).
 * Creating a metric creates no resource.
 */
export class FunctionMetrics {
  private readonly fn: lambda.IFunction;
  private readonly alias: lambda.IAlias;

  constructor(props: FunctionMetricsProps) {
    const v = new Validator(placeNamed('FunctionMetrics'));
    if (checkShape(v, '', props, { 'function!': 'construct', 'alias!': 'construct' })) {
      v.failIf(typeof props.alias.metric !== 'function' || typeof props.function.metric !== 'function', {
        code: ErrorCodes.LBP_PROP_TYPE,
        property: 'function, alias',
        value: 'constructs without metrics',
        limit: 'FunctionMetrics reads the metrics of a Lambda function and its alias',
        fix: 'pass a function and its alias (e.g. fn.unqualifiedFunction and fn.alias of a ServerlessFunction)',
      });
    }
    v.throwIfAny();
    this.fn = props.function;
    this.alias = props.alias;
  }

  /** Invocations through the alias (Sum). */
  public invocations(period: Duration = Duration.minutes(1)): cloudwatch.IMetric {
    return this.alias.metric('Invocations', { statistic: cloudwatch.Stats.SUM, period });
  }

  /** Invocations through the alias that ended in a function error (Sum). */
  public errors(period: Duration = Duration.minutes(1)): cloudwatch.IMetric {
    return this.alias.metric('Errors', { statistic: cloudwatch.Stats.SUM, period });
  }

  /** Invocation requests through the alias that were throttled (Sum). */
  public throttles(period: Duration = Duration.minutes(1)): cloudwatch.IMetric {
    return this.alias.metric('Throttles', { statistic: cloudwatch.Stats.SUM, period });
  }

  /** Errors as a percentage of invocations (no data while there are no invocations). */
  public errorRate(period: Duration = Duration.minutes(1)): cloudwatch.IMetric {
    return new cloudwatch.MathExpression({
      expression: '100 * errors / invocations',
      usingMetrics: { errors: this.errors(period), invocations: this.invocations(period) },
      label: 'Error rate (%)',
      period,
    });
  }

  /** Throttled requests as a percentage of all requests (invocations plus throttles). */
  public throttleRate(period: Duration = Duration.minutes(1)): cloudwatch.IMetric {
    return new cloudwatch.MathExpression({
      expression: '100 * throttles / (invocations + throttles)',
      usingMetrics: { throttles: this.throttles(period), invocations: this.invocations(period) },
      label: 'Throttle rate (%)',
      period,
    });
  }

  /** Duration of invocations through the alias, in milliseconds, at a percentile (default p99). */
  public duration(percentile: number = 99, period: Duration = Duration.minutes(1)): cloudwatch.IMetric {
    return this.alias.metric('Duration', { statistic: cloudwatch.Stats.p(percentile), period });
  }

  /** Concurrent executions of the function (Maximum). */
  public concurrentExecutions(period: Duration = Duration.minutes(1)): cloudwatch.IMetric {
    return this.fn.metric('ConcurrentExecutions', { statistic: cloudwatch.Stats.MAXIMUM, period });
  }

  /**
   * Asynchronous events dropped without a successful invocation: expired (older than the maximum
   * event age), out of retries, or throttled to zero (Sum).
   */
  public asyncEventsDropped(period: Duration = Duration.minutes(1)): cloudwatch.IMetric {
    return this.fn.metric('AsyncEventsDropped', { statistic: cloudwatch.Stats.SUM, period });
  }

  /** Age of asynchronous events when they are invoked, in milliseconds (Maximum). */
  public asyncEventAge(period: Duration = Duration.minutes(1)): cloudwatch.IMetric {
    return this.fn.metric('AsyncEventAge', { statistic: cloudwatch.Stats.MAXIMUM, period });
  }

  /**
   * Failures to deliver a failed event to the dead-letter queue or an invocation record to a
   * destination (`DeadLetterErrors` + `DestinationDeliveryFailures`, Sum).
   */
  public deliveryFailures(period: Duration = Duration.minutes(1)): cloudwatch.IMetric {
    return new cloudwatch.MathExpression({
      expression: 'FILL(dlq, 0) + FILL(destinations, 0)',
      usingMetrics: {
        dlq: this.fn.metric('DeadLetterErrors', { statistic: cloudwatch.Stats.SUM, period }),
        destinations: this.fn.metric('DestinationDeliveryFailures', { statistic: cloudwatch.Stats.SUM, period }),
      },
      label: 'Failed deliveries to the DLQ and destinations',
      period,
    });
  }

  /**
   * Invocations Lambda stopped because it detected the function in a recursive loop (`RecursiveInvocationsDropped`, Sum).
   *
   * See https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html.
   */
  public recursiveInvocationsDropped(period: Duration = Duration.minutes(1)): cloudwatch.IMetric {
    return this.fn.metric('RecursiveInvocationsDropped', { statistic: cloudwatch.Stats.SUM, period });
  }

  /** Age of the last record of each batch read from a stream, in milliseconds (Maximum). */
  public iteratorAge(period: Duration = Duration.minutes(1)): cloudwatch.IMetric {
    return this.fn.metric('IteratorAge', { statistic: cloudwatch.Stats.MAXIMUM, period });
  }

  /** Invocations through the alias that found no provisioned execution environment free (Sum). */
  public provisionedConcurrencySpillover(period: Duration = Duration.minutes(1)): cloudwatch.IMetric {
    return this.alias.metric('ProvisionedConcurrencySpilloverInvocations', { statistic: cloudwatch.Stats.SUM, period });
  }

  /** Share of the alias's provisioned concurrency in use, from 0 to 1 (Maximum). */
  public provisionedConcurrencyUtilization(period: Duration = Duration.minutes(1)): cloudwatch.IMetric {
    return this.alias.metric('ProvisionedConcurrencyUtilization', { statistic: cloudwatch.Stats.MAXIMUM, period });
  }
}
