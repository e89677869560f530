import { Annotations, CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { markedAncestor } from './async-paths';
import { AnnotationIds } from '../../validation/annotation-ids';

/** A source that invokes a ServerlessFunction, and the write that would feed it. */
interface Source {
  readonly kind: 'SQS queue' | 'SNS topic' | 'S3 bucket';
  /** The resolved reference to the queue ARN, topic ARN or bucket name. */
  readonly ref: unknown;
  /** The trigger's key prefix (S3 only; '' for every key). */
  readonly prefix?: string;
  /** The action that writes to it. */
  readonly action: string;
}

type Json = any;

/** The resources through which a queue, topic or bucket invokes a function (see `sourcesOf`). */
const TRIGGER_TYPES = new Set(['AWS::Lambda::EventSourceMapping', 'AWS::SNS::Subscription', 'AWS::Events::Rule']);

/**
 * At synth (from the app-wide validation): a ServerlessFunction whose role may write to the very SQS
 * queue, SNS topic or S3 key prefix that triggers it gets a warning naming the loop (each write invokes
 * it again). Read from the template: the triggers' resources under the function (event source mappings,
 * SNS subscriptions, the S3 trigger's EventBridge rule) and the statements of every IAM policy attached
 * to its role. A function with `RecursiveLoop: Allow` (the user's stated choice) is left alone.
 *
 * @internal
 */
export function checkRecursiveLoopWrites(cfn: CfnResource[]): void {
  const byOwner = new Map<IConstruct, CfnResource[]>();
  for (const r of cfn) {
    const owner = markedAncestor(r);
    if (owner) {
      byOwner.set(owner, [...byOwner.get(owner) ?? [], r]);
    }
  }
  if (byOwner.size === 0) {
    return;
  }
  // Each resource is resolved once, however many functions read it.
  const resolved = new Map<CfnResource, Json>();
  const referenced = referencedResources(cfn);
  const policies = cfn.filter((r) => r.cfnResourceType === 'AWS::IAM::ManagedPolicy' || r.cfnResourceType === 'AWS::IAM::Policy');
  for (const [owner, resources] of byOwner) {
    // Only a function with a trigger that reads a queue, topic or bucket can loop: nothing else is resolved.
    const triggers = resources.filter((r) => TRIGGER_TYPES.has(r.cfnResourceType));
    if (triggers.length === 0) {
      continue;
    }
    const stack = Stack.of(owner);
    const props = (r: CfnResource): Json => propertiesOf(resolved, r);
    const fn = resources.find((r) => r.cfnResourceType === 'AWS::Lambda::Function');
    if (!fn || props(fn).RecursiveLoop === 'Allow') {
      continue;
    }
    const typeOf = (ref: Json): string | undefined => referenced(stack, ref)?.cfnResourceType;
    const sources = triggers.flatMap((r) => sourcesOf(r, props(r), typeOf));
    if (sources.length === 0) {
      continue;
    }
    const role = resources.find((r) => r.cfnResourceType === 'AWS::IAM::Role');
    if (!role) {
      continue;
    }
    const roleRef = JSON.stringify({ Ref: stack.resolve(role.logicalId) });
    const statements: Json[] = policies
      .filter((p) => Stack.of(p) === stack)
      .map((p) => props(p))
      .filter((p) => (p.Roles ?? []).some((x: unknown) => JSON.stringify(x) === roleRef))
      .flatMap((p) => asArray(p.PolicyDocument?.Statement));
    for (const source of sources) {
      const write = statements.find((st) => (st.Effect ?? 'Allow') === 'Allow' && st.Condition === undefined
        && asArray(st.Action).some((a) => actionMatches(a, source.action))
        && asArray(st.Resource).some((res) => writesTo(source, res)));
      if (write) {
        const what = `${source.kind} ${nameOf(referenced(stack, source.ref), source.ref)}${source.kind === 'S3 bucket' ? ` (keys ${source.prefix ? `starting with '${source.prefix}'` : 'of every name'})` : ''}`;
        Annotations.of(owner).addWarningV2(AnnotationIds.RECURSIVE_LOOP_WRITE,
          `${owner.node.path} is triggered by the ${what} and its role may ${source.action} to it: each write invokes the function again (a recursive loop). `
          + 'Lambda\'s loop detection (recursiveLoop TERMINATE) stops the loops it detects after about 16 invocations of one chain and drops the event; it does not detect every loop. '
          + `Fix: write to a different ${source.kind === 'S3 bucket' ? 'bucket or to a prefix the trigger does not match' : source.kind.split(' ')[1]}, `
          + 'or, for an intended and bounded loop, set recursiveLoop: RecursiveLoop.ALLOW with recursiveLoopAllowedReason.');
      }
    }
  }
}

/** The sources a trigger resource reads from. */
function sourcesOf(r: CfnResource, p: Json, typeOf: (ref: Json) => string | undefined): Source[] {
  switch (r.cfnResourceType) {
    case 'AWS::Lambda::EventSourceMapping': {
      const arn = p.EventSourceArn;
      const isSqs = (typeof arn === 'string' && arn.includes(':sqs:')) || typeOf(arn) === 'AWS::SQS::Queue';
      return isSqs ? [{ kind: 'SQS queue', ref: arn, action: 'sqs:SendMessage' }] : [];
    }
    case 'AWS::SNS::Subscription':
      return p.Protocol === 'lambda' ? [{ kind: 'SNS topic', ref: p.TopicArn, action: 'sns:Publish' }] : [];
    case 'AWS::Events::Rule': {
      const pattern = p.EventPattern;
      if (!pattern || !asArray(pattern.source).includes('aws.s3')) {
        return [];
      }
      const key = asArray(pattern.detail?.object?.key)[0];
      const prefix = typeof key?.prefix === 'string' ? key.prefix
        : typeof key?.wildcard === 'string' ? key.wildcard.split('*')[0].replace(/\\(.)/g, '$1') : '';
      return asArray(pattern.detail?.bucket?.name).map((name) => ({ kind: 'S3 bucket' as const, ref: name, prefix, action: 's3:PutObject' }));
    }
    default:
      return [];
  }
}

/** Whether the policy resource `res` covers what feeds `source`. */
function writesTo(source: Source, res: Json): boolean {
  if (source.kind !== 'S3 bucket') {
    return JSON.stringify(res) === JSON.stringify(source.ref);
  }
  const keys = objectKeysOf(res, source.ref);
  if (keys === undefined) {
    return false;
  }
  const prefix = source.prefix ?? '';
  const star = keys.indexOf('*');
  if (star < 0) {
    return keys.startsWith(prefix);
  }
  const head = keys.slice(0, star);
  return head.startsWith(prefix) || prefix.startsWith(head);
}

/**
 * The key pattern of an object ARN in `bucket` (a `{Ref: bucket}` or a literal name), or undefined when
 * `res` is not an object ARN of that bucket: `{Fn::Join: ['', [{Fn::GetAtt: [id, 'Arn']}, '/keys']]}` or
 * `arn:<partition>:s3:::<name>/keys`.
 */
function objectKeysOf(res: Json, bucket: Json): string | undefined {
  if (typeof res === 'string' && typeof bucket === 'string') {
    const m = /^arn:[^:]+:s3:::([^/]+)\/(.*)$/.exec(res);
    return m && m[1] === bucket ? m[2] : undefined;
  }
  const join = res?.['Fn::Join'];
  const id = bucket?.Ref;
  if (!Array.isArray(join) || join[0] !== '' || typeof id !== 'string') {
    return undefined;
  }
  const [head, ...rest] = join[1] as Json[];
  const att = head?.['Fn::GetAtt'];
  if (!Array.isArray(att) || att[0] !== id || att[1] !== 'Arn' || rest.some((x) => typeof x !== 'string')) {
    return undefined;
  }
  const tail = (rest as string[]).join('');
  return tail.startsWith('/') ? tail.slice(1) : undefined;
}

/** IAM's action matching: case-insensitive, `*` and `?` wildcards. */
function actionMatches(pattern: unknown, action: string): boolean {
  if (typeof pattern !== 'string') {
    return false;
  }
  const regex = new RegExp(`^${pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('')}$`, 'i');
  return regex.test(action);
}

/**
 * The resource a `Ref` / `Fn::GetAtt` of a stack names, from one logical-id index of the app's resources (built on
 * first use: most apps have no function whose trigger needs it).
 */
function referencedResources(cfn: CfnResource[]): (stack: Stack, ref: Json) => CfnResource | undefined {
  let index: Map<string, CfnResource> | undefined;
  return (stack, ref) => {
    const id = ref?.Ref ?? ref?.['Fn::GetAtt']?.[0];
    if (typeof id !== 'string') {
      return undefined;
    }
    index ??= new Map(cfn.map((r) => [`${Stack.of(r).node.path}|${Stack.of(r).resolve(r.logicalId)}`, r]));
    return index.get(`${stack.node.path}|${id}`);
  };
}

/** How a warning names the resource a reference points to: its construct (the L2), or the reference as written. */
function nameOf(found: CfnResource | undefined, ref: Json): string {
  return found ? (found.node.scope?.node.path ?? found.node.path) : typeof ref === 'string' ? ref : JSON.stringify(ref);
}

/** The resolved CloudFormation properties of `r` (cached in `cache`). */
function propertiesOf(cache: Map<CfnResource, Json>, r: CfnResource): Json {
  let found = cache.get(r);
  if (found === undefined) {
    const stack = Stack.of(r);
    found = stack.resolve((r as any)._toCloudFormation()).Resources[stack.resolve(r.logicalId)].Properties ?? {};
    cache.set(r, found);
  }
  return found;
}

function asArray(x: Json): Json[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}
