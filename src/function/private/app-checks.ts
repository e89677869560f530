import { CfnResource, IResolvable, Stack, TagManager, Token } from 'aws-cdk-lib';
import { CfnRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { CfnListenerRule } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { CfnEventSourceMapping, CfnPermission, CfnUrl } from 'aws-cdk-lib/aws-lambda';
import { IConstruct, IValidation } from 'constructs';
import { checkAsyncPaths } from './async-paths';
import { checkRecursiveLoopWrites } from './recursive-loop-writes';
import { cfnResourcesOf, checkClusterVpcSinks, checkVpcEndpoints } from './vpc-endpoints';
import { ErrorCodes } from '../../validation/error-codes';

const REGISTERED = Symbol.for('cdk-lambda-blueprints.appChecks');

/** Lambda's limit on a function's resource-based policy. @internal */
export const RESOURCE_POLICY_BUDGET_BYTES = 20_480;
/** `{"Version":"2012-10-17","Id":"default","Statement":[]}`: the policy around its statements. */
const POLICY_ENVELOPE_BYTES = 54;
/** The most user tags one resource takes (aws: tags not counted). @internal */
export const TAGS_PER_RESOURCE = 50;

/**
 * Registers the checks that only exist across constructs, once per app (the first library construct
 * registers them on the root; later calls do nothing). They run at synth, after aspects, over every
 * construct of the app, including those the user created with aws-cdk-lib directly.
 *
 * @internal
 */
export function registerAppChecks(scope: IConstruct): void {
  const root = scope.node.root as IConstruct & { [REGISTERED]?: boolean };
  if (root[REGISTERED]) {
    return;
  }
  root[REGISTERED] = true;
  root.node.addValidation(new AppChecks(root));
}

/**
 * Conflicts between constructs that AWS refuses at deploy: two event source mappings of one source
 * and one function, two URLs on one function or alias, two routes with one key on one HTTP API, two
 * listener rules with one priority on one listener, a function's resource-based policy above 20 KB
 * as permissions accumulate, and more than 50 tags on one resource.
 *
 * @internal
 */
export class AppChecks implements IValidation {
  constructor(private readonly root: IConstruct) {}

  public validate(): string[] {
    // Warnings only (after aspects and bundling, so every grant is in place).
    // One walk of the tree for every app-wide check.
    const cfn = cfnResourcesOf(this.root);
    checkVpcEndpoints(this.root, cfn);
    checkClusterVpcSinks(cfn);
    checkAsyncPaths(this.root, cfn);
    checkRecursiveLoopWrites(cfn);
    const found = new Conflicts();
    for (const c of cfn) {
      found.visit(c);
    }
    return found.errors();
  }
}

/** What the app-wide checks collect from each resource, and the errors they make of it. */
class Conflicts {
  private readonly tagErrors: string[] = [];
  private readonly groups = new Map<string, { code: string; paths: string[]; limit: string; fix: string }>();
  private readonly policyBytes = new Map<string, { bytes: number; count: number; paths: string[] }>();

  public visit(c: CfnResource): void {
    const stack = Stack.of(c);
    const key = (...values: unknown[]): string | undefined => {
      const resolved = values.map((x) => resolveKey(stack, x));
      return resolved.some((x) => x === undefined) ? undefined : `${stack.node.path}|${resolved.join('|')}`;
    };
    if (c instanceof CfnEventSourceMapping) {
      const k = c.eventSourceArn !== undefined ? key(c.eventSourceArn, c.functionName) : undefined;
      this.group(ErrorCodes.LBP_DUPLICATE_EVENT_SOURCE, k, c.node.path,
        'Lambda refuses a second event source mapping of the same source to the same function (ResourceConflictException)',
        'keep one mapping (one trigger) per source and function; to process a source twice, use two functions');
    } else if (c instanceof CfnUrl) {
      this.group(ErrorCodes.LBP_FUNCTION_URL_DUPLICATE, key(c.targetFunctionArn, c.qualifier ?? ''), c.node.path,
        'Lambda allows one function URL per function or alias',
        'create the URL once and share its url with every caller');
    } else if (c instanceof CfnRoute) {
      this.group(ErrorCodes.LBP_HTTP_API_ROUTE_DUPLICATE, key(c.apiId, c.routeKey), c.node.path,
        'an HTTP API takes each route key (METHOD /path) once (ConflictException)',
        'route each key to one function; give the other functions their own paths');
    } else if (c instanceof CfnListenerRule) {
      this.group(ErrorCodes.LBP_ALB_PRIORITY_DUPLICATE, key(c.listenerArn, c.priority), c.node.path,
        'the rules of one listener need distinct priorities (PriorityInUse)',
        'give each listener rule its own priority from 1 to 50,000');
    } else if (c instanceof CfnPermission) {
      this.countPermission(stack, c);
    }
    if (TagManager.isTaggable(c) && c.tags.hasTags()) {
      const tags = (c.tags.renderTags() ?? []) as unknown;
      const count = countUserTags(stack, tags);
      if (count > TAGS_PER_RESOURCE) {
        this.tagErrors.push(message(ErrorCodes.LBP_TAG_COUNT, c.node.path, 'tags', `${count} tags`,
          `AWS allows at most ${TAGS_PER_RESOURCE} user tags per resource (aws: tags not counted)`,
          'tag fewer keys (Tags.of(scope).add on a narrower scope), or combine values into one tag'));
      }
    }
  }

  public errors(): string[] {
    const errors = [...this.tagErrors];
    for (const g of this.groups.values()) {
      if (g.paths.length > 1) {
        errors.push(message(g.code, g.paths[1], 'resource', `a duplicate of ${g.paths[0]}${g.paths.length > 2 ? ` (${g.paths.length} in all)` : ''}`, g.limit, g.fix));
      }
    }
    for (const p of this.policyBytes.values()) {
      if (p.bytes > RESOURCE_POLICY_BUDGET_BYTES) {
        errors.push(message(ErrorCodes.LBP_RESOURCE_POLICY_SIZE, p.paths[p.paths.length - 1], 'resource-based policy',
          `at least ${p.bytes} bytes from ${p.count} permissions`,
          `Lambda allows at most ${RESOURCE_POLICY_BUDGET_BYTES} bytes in a function's resource-based policy`,
          'grant invoke to fewer principals or source ARNs (e.g. one permission for an API or rule pattern instead of one per route or rule)'));
      }
    }
    return errors;
  }

  private group(code: string, key: string | undefined, path: string, limit: string, fix: string): void {
    if (key === undefined) {
      return;
    }
    const k = `${code}|${key}`;
    const g = this.groups.get(k) ?? { code, paths: [], limit, fix };
    g.paths.push(path);
    this.groups.set(k, g);
  }

  private countPermission(stack: Stack, c: CfnPermission): void {
    const fn = resolveKey(stack, c.functionName);
    if (fn === undefined) {
      return;
    }
    const k = `${stack.node.path}|${fn}`;
    const entry = this.policyBytes.get(k) ?? { bytes: POLICY_ENVELOPE_BYTES, count: 0, paths: [] };
    entry.bytes += statementBytes(stack, c);
    entry.count++;
    entry.paths.push(c.node.path);
    this.policyBytes.set(k, entry);
  }
}

function message(code: string, path: string, property: string, value: string, limit: string, fix: string): string {
  return `[${code}] ${path}: ${property} is ${value}; ${limit}. Fix: ${fix}`;
}

/** A stable string for a value that may hold tokens, or undefined when it cannot be compared. */
function resolveKey(stack: Stack, value: unknown): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  try {
    return JSON.stringify(stack.resolve(value as IResolvable));
  } catch {
    return undefined;
  }
}

/**
 * A lower bound of one permission's statement as Lambda stores it in the function's policy
 * (`{"Sid":...,"Effect":"Allow","Principal":{"Service":...},"Action":...,"Resource":<function ARN>,
 * "Condition":{"ArnLike":{"AWS:SourceArn":...}}}`), in bytes. Literal text counts in full (so a
 * route-scoped source ARN, `.../*\/GET/orders/{id}`, counts its path); each unresolved value counts
 * as the shortest value it can take: the partition `aws`, a Region of 9 characters, a 12-digit
 * account, any other reference 1 character. The statement id counts 20 characters (CloudFormation's
 * are longer), so the check never refuses a policy that fits.
 */
function statementBytes(stack: Stack, p: CfnPermission): number {
  const statement = {
    Sid: p.node.addr.slice(0, 20),
    Effect: 'Allow',
    Principal: { Service: p.principal },
    Action: p.action,
    // The function, version or alias ARN: at least its shortest form.
    Resource: 'arn:aws:lambda:us-east-1:123456789012:function:x',
    Condition: {
      ...(p.sourceArn ? { ArnLike: { 'AWS:SourceArn': p.sourceArn } } : {}),
      ...(p.sourceAccount ? { StringEquals: { 'AWS:SourceAccount': p.sourceAccount } } : {}),
    },
  };
  const text = JSON.stringify(shortestValue(stack.resolve(statement)));
  // One comma between statements in the policy's Statement array.
  return Buffer.byteLength(text, 'utf8') + 1;
}

/** The shortest text a resolved CloudFormation value can become (see statementBytes). */
function shortestValue(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(shortestValue);
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
    return shortestText(v);
  }
  return Object.fromEntries(keys.map((k) => [k, shortestValue(v[k])]));
}

const SHORTEST_PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'us-east-1',
  'AWS::AccountId': '123456789012',
  'AWS::URLSuffix': 'amazonaws.com',
};

function shortestText(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value !== 'object' || value === null) {
    return '';
  }
  const v = value as Record<string, unknown>;
  if (typeof v.Ref === 'string') {
    return SHORTEST_PSEUDO[v.Ref] ?? 'x';
  }
  const join = v['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    return (join[1] as unknown[]).map(shortestText).join(join[0]);
  }
  return v['Fn::GetAtt'] !== undefined ? 'x' : '';
}

function countUserTags(stack: Stack, tags: unknown): number {
  if (Array.isArray(tags)) {
    return tags.filter((t) => {
      const k = (t as { key?: unknown; Key?: unknown }).key ?? (t as { Key?: unknown }).Key;
      return !(typeof k === 'string' && !Token.isUnresolved(k) && k.startsWith('aws:'));
    }).length;
  }
  if (typeof tags === 'object' && tags !== null) {
    const resolved = stack.resolve(tags);
    return typeof resolved === 'object' && resolved !== null ? Object.keys(resolved).filter((k) => !k.startsWith('aws:')).length : 0;
  }
  return 0;
}
