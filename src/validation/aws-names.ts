import { Token } from 'aws-cdk-lib';
import { Validator } from './validator';

/**
 * A naming rule of an AWS API, as its reference states it.
 *
 * @internal
 */
export interface NameRule {
  readonly min: number;
  readonly max: number;
  /** The characters (and shape) the API accepts. */
  readonly pattern: RegExp;
  /** The rule in words, for the error. */
  readonly describe: string;
  /** A replacement that satisfies the rule. */
  readonly suggest: (value: string) => string;
}

const clean = (value: string, allowed: RegExp, max: number, fallback: string) => {
  const s = value.replace(allowed, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '');
  return s.length > 0 ? s : fallback;
};

/**
 * The names the library passes through to AWS, with the rules of the API that receives them.
 *
 * @internal
 */
export const NAME_RULES = {
  /** elasticloadbalancing CreateTargetGroup `Name`. */
  targetGroup: {
    min: 1,
    max: 32,
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/,
    describe: 'a target group name has 1 to 32 letters, digits or hyphens and does not begin or end with a hyphen',
    suggest: (v: string) => clean(v, /[^A-Za-z0-9-]/g, 32, 'my-targets'),
  },
  /** events PutRule `Name`. */
  eventRule: {
    min: 1,
    max: 64,
    pattern: /^[.\-_A-Za-z0-9]+$/,
    describe: 'a rule name has 1 to 64 characters, each a letter, digit, dot, hyphen or underscore',
    suggest: (v: string) => clean(v, /[^.\-_A-Za-z0-9]/g, 64, 'my-rule'),
  },
  /** scheduler CreateScheduleGroup `Name` (and CreateSchedule `GroupName`). */
  scheduleGroup: {
    min: 1,
    max: 64,
    pattern: /^[0-9a-zA-Z\-_.]+$/,
    describe: 'a schedule group name has 1 to 64 characters, each a letter, digit, dot, hyphen or underscore',
    suggest: (v: string) => clean(v, /[^0-9a-zA-Z\-_.]/g, 64, 'my-group'),
  },
  /** lambda CreateFunction `Handler`. */
  handler: {
    min: 1,
    max: 128,
    pattern: /^[^\s]+$/,
    describe: 'a handler has 1 to 128 characters and no whitespace (e.g. index.handler)',
    suggest: (v: string) => v.replace(/\s+/g, '').slice(0, 128) || 'index.handler',
  },
} satisfies Record<string, NameRule>;

/**
 * Records a problem when `value` (a concrete string) breaks `rule`. Unset values and tokens pass.
 *
 * @internal
 */
export function checkName(v: Validator, code: string, property: string, value: string | undefined, rule: NameRule): void {
  if (value === undefined || Token.isUnresolved(value)) {
    return;
  }
  if (value.length < rule.min || value.length > rule.max || !rule.pattern.test(value)) {
    v.fail({
      code,
      property,
      value: `'${value.length > 80 ? value.slice(0, 80) + '...' : value}' (${value.length} characters)`,
      limit: rule.describe,
      fix: `rename it, e.g. '${rule.suggest(value)}', or leave ${property} unset to let CloudFormation generate one`,
    });
  }
}

/**
 * Records a problem when a concrete `value` is longer than `max` characters.
 *
 * @internal
 */
export function checkLength(v: Validator, code: string, property: string, value: string | undefined, max: number, api: string): void {
  if (value !== undefined && !Token.isUnresolved(value) && value.length > max) {
    v.fail({
      code,
      property,
      value: `${value.length} characters long`,
      limit: `${api} allows at most ${max} characters`,
      fix: `shorten ${property}`,
    });
  }
}
