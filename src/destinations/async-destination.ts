import * as events from 'aws-cdk-lib/aws-events';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { isConstructLike } from '../validation/prop-types';

/**
 * Where Lambda sends the record of an asynchronous invocation (on success or on failure).
 *
 * A value type with static factories, so the library knows what it is wiring and can refuse what
 * Lambda would refuse (FIFO queues and topics).
 */
export class AsyncDestination {
  /** An SQS queue (standard queues only). */
  public static queue(queue: sqs.IQueue): AsyncDestination {
    if (!isConstructLike(queue)) {
      return AsyncDestination.wrongType('AsyncDestination.queue', 'an SQS queue', queue);
    }
    return new AsyncDestination(new destinations.SqsDestination(queue), `queue ${queue.node.path}`, queue.fifo);
  }

  /** An SNS topic (standard topics only). */
  public static topic(topic: sns.ITopic): AsyncDestination {
    if (!isConstructLike(topic)) {
      return AsyncDestination.wrongType('AsyncDestination.topic', 'an SNS topic', topic);
    }
    return new AsyncDestination(new destinations.SnsDestination(topic), `topic ${topic.node.path}`, topic.fifo);
  }

  /** An EventBridge event bus. */
  public static eventBus(eventBus: events.IEventBus): AsyncDestination {
    if (!isConstructLike(eventBus)) {
      return AsyncDestination.wrongType('AsyncDestination.eventBus', 'an EventBridge event bus', eventBus);
    }
    return new AsyncDestination(new destinations.EventBridgeDestination(eventBus), `event bus ${eventBus.node.path}`, false);
  }

  /** Another Lambda function, invoked asynchronously with the invocation record. */
  public static lambdaFunction(fn: lambda.IFunction): AsyncDestination {
    if (!isConstructLike(fn)) {
      return AsyncDestination.wrongType('AsyncDestination.lambdaFunction', 'a Lambda function', fn);
    }
    return new AsyncDestination(new destinations.LambdaDestination(fn), `function ${fn.node.path}`, false);
  }

  /** A destination made from a value of the wrong type: reported by the function, never thrown here. */
  private static wrongType(factory: string, expected: string, value: unknown): AsyncDestination {
    const shown = value === null ? 'null' : value === undefined ? 'undefined' : `a ${typeof value}`;
    const problem = `${factory} was given ${shown}; it takes ${expected}`;
    const unusable: lambda.IDestination = {
      bind: () => {
        throw new Error(problem);
      },
    };
    return new AsyncDestination(unusable, problem, false, problem);
  }

  /** The aws-cdk-lib destination this wraps. */
  public readonly destination: lambda.IDestination;

  /** What the destination is, for error messages. */
  public readonly description: string;

  /** Whether the destination is a FIFO queue or topic (Lambda rejects those). */
  public readonly isFifo: boolean;

  /**
   * Why the factory could not make a destination (a value of the wrong type from JavaScript or Python):
   * the factories never throw; the function that is given it reports a coded error naming itself.
   *
   * @internal
   */
  public readonly _typeProblem?: string;

  private constructor(destination: lambda.IDestination, description: string, isFifo: boolean, typeProblem?: string) {
    this.destination = destination;
    this.description = description;
    this.isFifo = isFifo;
    this._typeProblem = typeProblem;
  }
}

