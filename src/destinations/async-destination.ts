import * as events from 'aws-cdk-lib/aws-events';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';

/**
 * Where Lambda sends the record of an asynchronous invocation (on success or on failure).
 *
 * A value type with static factories, so the library knows what it is wiring and can refuse what
 * Lambda would refuse (FIFO queues and topics).
 */
export class AsyncDestination {
  /** An SQS queue (standard queues only). */
  public static queue(queue: sqs.IQueue): AsyncDestination {
    return new AsyncDestination(new destinations.SqsDestination(queue), `queue ${queue.node.path}`, queue.fifo);
  }

  /** An SNS topic (standard topics only). */
  public static topic(topic: sns.ITopic): AsyncDestination {
    return new AsyncDestination(new destinations.SnsDestination(topic), `topic ${topic.node.path}`, topic.fifo);
  }

  /** An EventBridge event bus. */
  public static eventBus(eventBus: events.IEventBus): AsyncDestination {
    return new AsyncDestination(new destinations.EventBridgeDestination(eventBus), `event bus ${eventBus.node.path}`, false);
  }

  /** Another Lambda function, invoked asynchronously with the invocation record. */
  public static lambdaFunction(fn: lambda.IFunction): AsyncDestination {
    return new AsyncDestination(new destinations.LambdaDestination(fn), `function ${fn.node.path}`, false);
  }

  /** The aws-cdk-lib destination this wraps. */
  public readonly destination: lambda.IDestination;

  /** What the destination is, for error messages. */
  public readonly description: string;

  /** Whether the destination is a FIFO queue or topic (Lambda rejects those). */
  public readonly isFifo: boolean;

  private constructor(destination: lambda.IDestination, description: string, isFifo: boolean) {
    this.destination = destination;
    this.description = description;
    this.isFifo = isFifo;
  }
}
