import { Aspects, IAspect, Stack, Tags, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ALL_NAG_PACKS, applyNagPack, createNagPack, NagPackName } from './nag-packs';
import { PlainFunctionHardening } from './plain-function-hardening';
import { ResourceBudgetAspect, ResourceBudgetPlugin } from './resource-budget';
import { CostReportAspect } from '../cost/cost-report';
import { BlueprintDashboard, createBlueprintDashboardNow } from '../observability/blueprint-dashboard';
import { FunctionGroup } from '../scale/function-group';

/**
 * What `Blueprints.applyTo` applies to a scope.
 */
export interface BlueprintsOptions {
  /**
   * The cdk-nag packs every resource of the scope is checked against at synth.
   *
   * With cdk-nag 3.x (validation plugins), any unacknowledged finding (warnings included) fails
   * `cdk synth`. With cdk-nag 2.x the packs are added as Aspects, as cdk-nag 2 documents: errors fail
   * `cdk synth`, warnings only with `--strict`. An empty list checks nothing.
   *
   * @default - all five: AWS_SOLUTIONS, SERVERLESS, HIPAA_SECURITY, NIST_800_53_R5, PCI_DSS_321
   */
  readonly nagPacks?: NagPackName[];

  /**
   * Whether each stack's template is checked against CloudFormation's 500 resources and 1 MB: a
   * warning at 80 %, an error (failing synth) past the limit.
   *
   * @default true
   */
  readonly resourceBudget?: boolean;

  /**
   * Tags for every taggable resource of the scope.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };

  /**
   * Whether plain `lambda.Function`s created without this library get X-Ray tracing and a
   * dead-letter queue where that is safe (and a warning where it is not).
   *
   * @default true
   */
  readonly hardenPlainFunctions?: boolean;

  /**
   * Whether each stack of the scope with ServerlessFunctions gets a BlueprintDashboard of all of
   * them (created at synth).
   *
   * @default true
   */
  readonly dashboard?: boolean;

  /**
   * Whether each top-level stack of the scope reports its fixed monthly cost at synth: the standing
   * charges of its resources (alarms per metric, KMS keys, dashboards, provisioned concurrency, ...)
   * at the library's us-east-1 price table, written to `<stackArtifactId>.cost.json` in the cloud
   * assembly, plus one info annotation per stack (see docs/scale.md).
   *
   * @default true
   */
  readonly costReport?: boolean;
}

const APPLIED = new WeakMap<IConstruct, Set<string>>();

/**
 * Applies the library's checks to any scope (an App, a Stage, a Stack or a construct): cdk-nag packs,
 * the resource budget, tags, the hardening of plain functions, a dashboard and an idle-cost report per stack. Teams with
 * their own stack classes get the same checks as `BlueprintStack`.
 */
export class Blueprints {
  /**
   * Applies the checks to `scope`. Calling it again on the same scope with the same pack adds no
   * second check.
   *
   * @param scope the construct to check (with its descendants)
   * @param options what to apply
   */
  public static applyTo(scope: IConstruct, options: BlueprintsOptions = {}): void {
    const applied = APPLIED.get(scope) ?? new Set<string>();
    APPLIED.set(scope, applied);
    const once = (key: string, f: () => void) => {
      if (!applied.has(key)) {
        applied.add(key);
        f();
      }
    };

    for (const name of options.nagPacks ?? ALL_NAG_PACKS) {
      once(`nag:${name}`, () => applyNagPack(scope, createNagPack(name)));
    }
    if (options.resourceBudget ?? true) {
      once('budget', () => {
        Validations.of(scope).addPlugins(new ResourceBudgetPlugin(scope));
        Aspects.of(scope).add(new ResourceBudgetAspect());
      });
    }
    for (const [key, value] of Object.entries(options.tags ?? {})) {
      Tags.of(scope).add(key, value);
    }
    if (options.hardenPlainFunctions ?? true) {
      once('harden', () => Aspects.of(scope).add(new PlainFunctionHardening()));
    }
    if (options.dashboard ?? true) {
      once('dashboard', () => Aspects.of(scope).add(new StackDashboards()));
    }
    if (options.costReport ?? true) {
      once('cost', () => Aspects.of(scope).add(new CostReportAspect()));
    }
  }

  private constructor() {}
}

/** Adds a BlueprintDashboard to each stack that has none (built at once: this runs at synth). */
class StackDashboards implements IAspect {
  public visit(node: IConstruct): void {
    // The shards of a FunctionGroup get no dashboard each (a dashboard is $3 a month past the free
    // three); add a BlueprintDashboard to a shard yourself where you want one.
    if (!Stack.isStack(node) || FunctionGroup.isShard(node)) {
      return;
    }
    const hasOne = node.node.findAll().some((c) => c instanceof BlueprintDashboard && Stack.of(c) === node);
    if (!hasOne) {
      createBlueprintDashboardNow(node, 'BlueprintDashboard');
    }
  }
}
