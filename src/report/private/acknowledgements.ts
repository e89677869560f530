import { AssemblyStack } from './assembly-reader';
import { nagPackOf } from './messages';
import { compare } from './order';
import { AcknowledgementReport } from './report-model';
import { Json } from './template-index';

/** The prefix the library writes before a user decision's reason. */
const USER_DECISION = /^User decision \(([^)]+)\): /;

/** The acknowledgements of one stack: the library's and the user's decisions. @internal */
export interface StackAcknowledgements {
  readonly library: AcknowledgementReport[];
  readonly user: AcknowledgementReport[];
}

/**
 * Every cdk-nag acknowledgement of the stack: the `cdk_nag.rules_to_suppress` metadata of each resource
 * (and of a template itself, where cdk-nag 2 keeps stack-wide suppressions), one entry per rule (with its
 * finding, as `Rule[finding]`) and resource, sorted by construct path then rule. Control Tower exceptions
 * are not in the assembly (the library applies them in its validation plugin), so they are not listed.
 *
 * @internal
 */
export function acknowledgementsOf(stack: AssemblyStack): StackAcknowledgements {
  const found = new Map<string, AcknowledgementReport>();
  for (const t of stack.templates) {
    const templatePath = t.nestedIn ? stack.index.resource(t.nestedIn.file, t.nestedIn.logicalId)?.path ?? t.file : stack.constructPath;
    addRules(found, templatePath, t.template?.Metadata?.cdk_nag?.rules_to_suppress);
  }
  for (const r of stack.index.resources()) {
    addRules(found, r.path, r.metadata?.cdk_nag?.rules_to_suppress);
  }
  const all = [...found.values()].sort(compareAcks);
  return { library: all.filter((a) => a.decision === undefined), user: all.filter((a) => a.decision !== undefined) };
}

/** Acknowledged rules counted once per resource (a rule acknowledged for several findings counts once). @internal */
export function countPerResource(acks: AcknowledgementReport[]): number {
  return new Set(acks.map((a) => `${a.path}\u0000${a.ruleId.replace(/\[.*$/, '')}`)).size;
}

function addRules(into: Map<string, AcknowledgementReport>, constructPath: string, rules: Json): void {
  for (const rule of Array.isArray(rules) ? rules : []) {
    if (typeof rule?.id !== 'string') {
      continue;
    }
    const text = reasonOf(rule);
    const decision = USER_DECISION.exec(text);
    const findings: string[] = Array.isArray(rule.applies_to)
      ? rule.applies_to.map((a: Json) => (typeof a === 'string' ? a : typeof a?.regex === 'string' ? a.regex : JSON.stringify(a)))
      : [];
    for (const ruleId of findings.length > 0 ? findings.map((f) => `${rule.id}[${f}]`) : [rule.id]) {
      const ack: AcknowledgementReport = {
        ruleId,
        pack: nagPackOf(rule.id),
        path: constructPath,
        reason: decision ? text.slice(decision[0].length) : text,
        ...(decision ? { decision: decision[1] } : {}),
      };
      into.set(`${constructPath}\u0000${ruleId}\u0000${text}`, ack);
    }
  }
}

/** The reason as written, decoded when cdk-nag 2 stored it base64-encoded. */
function reasonOf(rule: Json): string {
  const reason = typeof rule.reason === 'string' ? rule.reason : '';
  return rule.is_reason_encoded === true ? Buffer.from(reason, 'base64').toString('utf-8') : reason;
}

function compareAcks(a: AcknowledgementReport, b: AcknowledgementReport): number {
  return compare([a.path, a.ruleId, a.reason], [b.path, b.ruleId, b.reason]);
}
