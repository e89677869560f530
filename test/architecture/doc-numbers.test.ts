import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import {
  BucketProcessor, FunctionCode, KafkaConsumer, KafkaSource, QueueProcessor, ServerlessFunction, StreamProcessor, TableStreamProcessor,
  TopicSubscriber,
} from '../../src';
import * as acks from '../../src/acknowledgements/acknowledge';
import { HANDLER_DIR, testStack } from '../helpers/template';

/**
 * The numbers the docs state (resources per function and per pattern, acknowledgement counts) are
 * computed here from the stacks and compared with the docs, so they cannot go stale. Run with
 * UPDATE_DOCS=1 to write the measured numbers into the docs.
 */

const ROOT = path.join(__dirname, '..', '..');
const code = FunctionCode.fromAsset(HANDLER_DIR);
const UPDATE = process.env.UPDATE_DOCS !== undefined;

function resources(build: (stack: Stack) => void): number {
  const stack = testStack();
  build(stack);
  return Object.keys(Template.fromStack(stack).toJSON().Resources ?? {}).length;
}

/** The stack singletons every function shares: the KMS key, the alarm topic and its policy, the X-Ray policy. */
const SINGLETONS = 4;

const measured = {
  functionStack: resources((s) => new ServerlessFunction(s, 'Fn', { code })),
  queueProcessor: resources((s) => new QueueProcessor(s, 'P', { code })),
  streamProcessor: resources((s) => new StreamProcessor(s, 'P', { code })),
  tableStreamProcessor: resources((s) => new TableStreamProcessor(s, 'P', { code, partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } })),
  topicSubscriber: resources((s) => new TopicSubscriber(s, 'P', { code })),
  bucketProcessor: resources((s) => new BucketProcessor(s, 'P', { code })),
  kafkaConsumer: resources((s) => new KafkaConsumer(s, 'P', {
    code,
    source: KafkaSource.msk('arn:aws:kafka:us-east-1:123456789012:cluster/orders/abcd-4'),
    triggerOptions: { topic: 'orders', consumerGroupId: 'orders-fn' },
  })),
};
const perFunction = measured.functionStack - SINGLETONS;

/** The cdk-nag ids the library acknowledges on one function built with `options`. */
function acknowledgedIds(options: object = {}): number {
  const spy = jest.spyOn(acks, 'acknowledge');
  try {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code, ...options });
    return spy.mock.calls.reduce((n, [, ack]) => n + ack.ids.length, 0);
  } finally {
    spy.mockRestore();
  }
}

/**
 * Checks (or, with UPDATE_DOCS, rewrites) every match of `pattern` in `file`: its group 1 must be
 * `value`.
 */
function stated(file: string, pattern: RegExp, value: number | string): void {
  const full = path.join(ROOT, file);
  const text = fs.readFileSync(full, 'utf8');
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  const matches = [...text.matchAll(global)];
  expect(matches.length).toBeGreaterThan(0);
  if (UPDATE) {
    fs.writeFileSync(full, text.replace(global, (whole: string, group: string) => whole.replace(group, String(value))));
    return;
  }
  for (const m of matches) {
    expect(`${file}: ${m[0]}`).toBe(`${file}: ${m[0].replace(m[1], String(value))}`);
  }
}

describe('resource counts in the docs are the measured ones', () => {
  test('per function (README, observability, bundling)', () => {
    stated('README.md', /That is (\d+) resources per function plus 4 per stack/, perFunction);
    stated('docs/observability.md', /a default ServerlessFunction is (\d+) resources/, perFunction);
    stated('docs/bundling.md', /A hardened function is (\d+) resources, plus 4 per/, perFunction);
    stated('docs/bundling.md', /on a `ServerlessFunction` \((\d+) resources each\)/, perFunction);
  });

  test('per pattern stack (docs/triggers-poll.md)', () => {
    const file = 'docs/triggers-poll.md';
    stated(file, /\| default `ServerlessFunction` alone \(core\) \| (\d+) \|/, measured.functionStack);
    stated(file, /\| `QueueProcessor` \| (\d+) /, measured.queueProcessor);
    stated(file, /\| `StreamProcessor` \| (\d+) \|/, measured.streamProcessor);
    // One more: the role's own policy for dynamodb:ListStreams (Resource * only, acknowledged there).
    expect(measured.tableStreamProcessor).toBe(measured.streamProcessor + 1);
    stated(file, /\| `TableStreamProcessor` \| (\d+) \|/, measured.tableStreamProcessor);
    stated(file, /\| `TopicSubscriber` \| (\d+) \|/, measured.topicSubscriber);
    stated(file, /\| `BucketProcessor` \| (\d+) /, measured.bucketProcessor);
    stated(file, /\| `KafkaConsumer` \| (\d+) /, measured.kafkaConsumer);
  });
});

describe('acknowledgement counts in the README are the measured ones', () => {
  /** The cdk-nag ids acknowledged on a function's own constructs, and on its dead-letter queue. */
  function split(options: object, stack: Stack = testStack()): { fn: number; dlq: number } {
    const spy = jest.spyOn(acks, 'acknowledge');
    try {
      new ServerlessFunction(stack, 'Fn', { code, ...options });
      const count = (inDlq: boolean) => spy.mock.calls
        .filter(([scope]) => scope.node.path.includes('/DeadLetterQueue') === inDlq)
        .reduce((n, [, ack]) => n + ack.ids.length, 0);
      return { fn: count(false), dlq: count(true) };
    } finally {
      spy.mockRestore();
    }
  }

  test('a default function and its failure queue', () => {
    const measuredDefault = split({});
    expect(measuredDefault.fn + measuredDefault.dlq).toBe(acknowledgedIds());
    stated('README.md', /A default function therefore carries (\d+) acknowledgements? \(IAM5/, measuredDefault.fn);
    stated('README.md', /and its\s+`FailureQueue` (\d+) \(redrive\)/, measuredDefault.dlq);
  });

  test('a VPC adds only the network-interface policy\'s IAM5; no VPC and no reserved concurrency are user decisions, never acknowledged', () => {
    const stack = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc');
    const spy = jest.spyOn(acks, 'acknowledge');
    try {
      new ServerlessFunction(stack, 'Fn', { code, vpc, reservedConcurrentExecutions: 5 });
      const ids = spy.mock.calls.filter(([scope]) => scope.node.path.startsWith('TestStack/Fn/')).flatMap(([scope, ack]) => ack.ids.map((id) => `${id} @ ${scope.node.path}`));
      expect(ids.filter((id) => !id.includes('/DeadLetterQueue'))).toEqual(['AwsSolutions-IAM5[Resource::*] @ TestStack/Fn/Role/ResourceStarPolicy']);
    } finally {
      spy.mockRestore();
    }
    const bare = testStack();
    const spyBare = jest.spyOn(acks, 'acknowledge');
    try {
      new ServerlessFunction(bare, 'Fn', { code });
      const ids = spyBare.mock.calls.flatMap(([, ack]) => ack.ids);
      expect(ids.filter((id) => /LambdaInsideVPC|LambdaConcurrency/.test(id))).toEqual([]);
    } finally {
      spyBare.mockRestore();
    }
  });
});
