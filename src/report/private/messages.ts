import { AssemblyStack } from './assembly-reader';
import { compare } from './order';
import { MessageReport } from './report-model';

/** The cdk-nag packs the report always lists, by their rule-id prefix. @internal */
export const NAG_PACKS = ['AwsSolutions', 'HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321', 'Serverless'] as const;

const LEVELS: Record<string, string> = {
  'aws:cdk:warning': 'warning',
  'aws:cdk:error': 'error',
};

/** A cdk-nag finding as cdk-nag 2 writes it: `AwsSolutions-IAM5[Resource::*]: The IAM entity ...`. */
const NAG_FINDING = /^([A-Za-z0-9.]+)-([A-Za-z0-9]+)(\[[^\n]*?\])?: /;

/** The id aws-cdk-lib appends to a warning recorded with an id (`addWarningV2`). */
const ACK_SUFFIX = /\s*\[ack: ([^\]]+)\]\s*$/;

/**
 * The stack's warning and error annotations, with the id each carries (`[ack: id]`), sorted by construct
 * path then text.
 *
 * @internal
 */
export function messagesOf(stack: AssemblyStack): MessageReport[] {
  const messages: MessageReport[] = [];
  for (const [constructPath, entries] of stack.metadata) {
    for (const entry of entries) {
      const level = LEVELS[entry.type];
      if (level !== undefined) {
        messages.push(messageOf(constructPath, level, typeof entry.data === 'string' ? entry.data : JSON.stringify(entry.data ?? '')));
      }
    }
  }
  return messages.sort(compareMessages);
}

/** Sort order of messages: construct path, then id, then text. @internal */
export function compareMessages(a: MessageReport, b: MessageReport): number {
  return compare([a.path, a.id ?? '', a.message], [b.path, b.id ?? '', b.message]);
}

function messageOf(constructPath: string, level: string, text: string): MessageReport {
  const ack = ACK_SUFFIX.exec(text);
  if (ack) {
    return { path: constructPath, level, id: ack[1], message: text.slice(0, ack.index) };
  }
  const nag = NAG_FINDING.exec(text);
  if (nag && nagPackOf(`${nag[1]}-${nag[2]}`) !== 'other') {
    return { path: constructPath, level, id: `${nag[1]}-${nag[2]}${nag[3] ?? ''}`, message: text.slice(nag[0].length) };
  }
  return { path: constructPath, level, message: text };
}

/** The pack of a cdk-nag rule id (`AwsSolutions-IAM5` -> `AwsSolutions`), `other` for any other id. @internal */
export function nagPackOf(ruleId: string): string {
  return NAG_PACKS.find((pack) => ruleId.startsWith(`${pack}-`)) ?? 'other';
}
