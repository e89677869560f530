import { Aspects, IAspect, IPolicyValidationPluginBeta1, Stack, Tags, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { NagPackName } from './nag-packs';
import { acknowledgeUserDecisions } from './private/acknowledge-user-decisions';
import { applyNagPack } from './private/apply-nag-pack';
import { BLUEPRINTS_OPTIONS_SHAPE, checkBlueprintsCall, USER_DECISIONS_SHAPE } from './private/blueprints-options-checks';
import { CONTROL_TOWER_PACKAGE, ControlTowerPlugin, discoverControlTowerValidator } from './private/control-tower-plugin';
import { checkMonitoringScope } from './private/monitoring-checks';
import { createNagPack, DEFAULT_NAG_PACKS } from './private/nag-pack-catalogue';
import { PlainFunctionHardening } from './private/plain-function-hardening';
import { ResourceBudgetAspect } from './private/resource-budget-aspect';
import { ResourceBudgetPlugin } from './private/resource-budget-plugin';
import { UserDecisions } from './user-decisions';
import { CostReportAspect } from '../cost/cost-report';
import { BlueprintDashboard } from '../dashboard/blueprint-dashboard';
import { MonitoringMode, setMonitoringMode } from '../observability/monitoring-mode';
import { reportAtSynth } from '../report/report-at-synth';
import { FunctionGroup } from '../scale/function-group';
import { ErrorCodes } from '../validation/error-codes';
import { placeNamed } from '../validation/place';
import { Validator } from '../validation/validator';

/**
 * What `Blueprints.applyTo` applies to a scope.
 */
export interface BlueprintsOptions {
  /**
   * The cdk-nag packs every resource of the scope is checked against at synth.
   *
   * With cdk-nag 3.x (validation plugins), any unacknowledged finding (warnings included) fails
   * `cdk synth`. With cdk-nag 2.x the packs are added as Aspects, as cdk-nag 2 documents: errors fail
   * `cdk synth`, warnings only with `--strict`. An empty list checks nothing. The regulatory packs
   * (HIPAA_SECURITY, NIST_800_53_R5, PCI_DSS_321) are opt-in: they ask for decisions only you can
   * make (see `userDecisions`).
   *
   * @default - the general packs: AWS_SOLUTIONS and SERVERLESS
   */
  readonly nagPacks?: NagPackName[];

  /**
   * Decisions only you can make (`noVpc`, `noReservedConcurrency`, `noBucketReplication`, `noBackupPlan`, `noWebAcl`, `noApiCache`, `noGeoRestriction`, `noDistributionLogging`, `noCustomCertificate`, `shortLogRetention`, `noObjectLock`), each with your reason.
   *
   * The matching findings of the cdk-nag packs (and of the Control Tower check) are acknowledged for the whole scope with that reason
   * (listed in an info annotation of each stack at synth). See `Blueprints.acknowledgeUserDecisions`.
   *
   * @default - none: those findings are reported
   */
  readonly userDecisions?: UserDecisions;

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
   * A FunctionGroup's shards get none of their own: their functions' alarm states are shown on the
   * dashboard of the stack that holds the group.
   *
   * @default true
   */
  readonly dashboard?: boolean;

  /**
   * Whether each top-level stack of the scope reports its fixed monthly cost at synth: the standing
   * charges of its resources (alarms per metric, KMS keys, dashboards, provisioned concurrency, ...)
   * at the library's us-east-1 price table, written to `<stackArtifactId>.cost.json` in the cloud
   * assembly, plus one info annotation for the App that sums them up and names the files (see docs/scale.md).
   *
   * @default true
   */
  readonly costReport?: boolean;

  /**
   * Whether every resource of the scope is checked at synth against AWS Control Tower's proactive
   * controls, with `@cdklabs/cdk-validator-cfnguard` found where it is installed (Node.js apps).
   *
   * Findings are reported like cdk-nag 3's (any one fails `cdk synth`), except the library's documented
   * exceptions: AWS's own limits, and the user decisions you gave (`userDecisions`). In Python and Java
   * pass `controlTowerValidator` instead: their jsii runtime cannot load a package that pip or Maven
   * installed. Synth fails with LBP_CONTROL_TOWER when the package is not installed.
   *
   * @default - true when `controlTowerValidator` is given, else false
   */
  readonly controlTower?: boolean;

  /**
   * The AWS Control Tower validator the scope is checked with at synth: a `CfnGuardValidator` of
   * `@cdklabs/cdk-validator-cfnguard` (npm) / `cdklabs.cdk-validator-cfnguard` (PyPI), in any language.
   *
   * Its findings are reported except the library's documented exceptions (see `controlTower`). Typed as
   * the plugin interface that validator implements.
   *
   * @default - none (with `controlTower: true`, the installed package's validator)
   */
  readonly controlTowerValidator?: IPolicyValidationPluginBeta1;

  /**
   * How the ServerlessFunctions created in the scope afterwards are alarmed.
   *
   * `PER_FUNCTION` gives each one combined alarm; `FLEET` gives the functions of each top-level stack
   * one Metrics Insights alarm per signal, naming each failing function (see docs/fleet-monitoring.md).
   * A FunctionGroup's own `monitoring` wins for its functions. Give it before creating functions: a scope that already
   * holds ServerlessFunctions fails with LBP_FLEET_MODE_LATE.
   *
   * @default - PER_FUNCTION (the fleet's price per metric analyzed is not verified: docs/fleet-monitoring.md)
   */
  readonly monitoring?: MonitoringMode;

  /**
   * Whether the app's cloud assembly gets a blueprint report at synth: `blueprints.html` (one self-contained page)
   * and `blueprints.json` (the same facts), showing each stack's functions, event paths with their failure sinks
   * and alarms, gaps, acknowledgements, user decisions, cdk-nag results and idle cost (see docs/blueprint-report.md).
   *
   * One report covers every stack of the app, whichever scope the option was given on. To turn it off for a whole
   * app whose stacks ask for it, set the context `cdk-lambda-blueprints.report` to `false`
   * (`cdk synth -c cdk-lambda-blueprints.report=false`).
   *
   * @default true
   */
  readonly report?: boolean;
}

const APPLIED = new WeakMap<IConstruct, Set<string>>();

/**
 * Applies the library's checks to any scope (an App, a Stage, a Stack or a construct): cdk-nag packs
 * (the general ones by default, the regulatory ones opt-in), the resource budget, tags, the hardening of
 * plain functions, a dashboard and an idle-cost report per stack, and the app's blueprint report. Teams with
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
    checkBlueprintsCall('Blueprints.applyTo', scope, 'options', options, BLUEPRINTS_OPTIONS_SHAPE);
    const controlTower = controlTowerValidatorOf(scope, options);
    if (options.monitoring !== undefined) {
      checkMonitoringScope(scope, options.monitoring);
    }
    const applied = APPLIED.get(scope) ?? new Set<string>();
    APPLIED.set(scope, applied);
    const once = (key: string, f: () => void) => {
      if (!applied.has(key)) {
        applied.add(key);
        f();
      }
    };

    if (options.userDecisions) {
      acknowledgeUserDecisions(scope, options.userDecisions);
    }
    for (const name of options.nagPacks ?? DEFAULT_NAG_PACKS) {
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
    if (options.monitoring !== undefined) {
      setMonitoringMode(scope, options.monitoring);
    }
    if (options.report ?? true) {
      reportAtSynth(scope);
    }
    if (controlTower) {
      once('controlTower', () => Validations.of(scope).addPlugins(new ControlTowerPlugin(controlTower, scope)));
    }
  }

  /**
   * Acknowledges decisions only you can make (`noVpc`, `noReservedConcurrency`, `noBucketReplication`, `noBackupPlan`, `noWebAcl`, `noApiCache`, `noGeoRestriction`, `noDistributionLogging`, `noCustomCertificate`, `shortLogRetention`, `noObjectLock`) for a whole scope, each with your reason.
   *
   * The scope is an App, a Stage, a Stack or a construct. The packs' matching findings are then
   * acknowledged with your reason, and an info annotation lists them at synth: on each stack under an
   * App or a Stage (created before or after this call), as if they were given on that stack. The
   * library never acknowledges these for you: a decision you leave out is reported like any other
   * finding.
   *
   * @param scope the construct whose descendants the decisions cover
   * @param decisions the decisions, each with its reason
   */
  public static acknowledgeUserDecisions(scope: IConstruct, decisions: UserDecisions): void {
    checkBlueprintsCall('Blueprints.acknowledgeUserDecisions', scope, 'userDecisions', decisions ?? null, USER_DECISIONS_SHAPE);
    acknowledgeUserDecisions(scope, decisions);
  }

  private constructor() {}
}

/**
 * The Control Tower validator the options ask for (given, or found installed), checked before anything
 * is applied.
 */
function controlTowerValidatorOf(scope: IConstruct, options: BlueprintsOptions): IPolicyValidationPluginBeta1 | undefined {
  const given = options.controlTowerValidator;
  const wanted = options.controlTower ?? given !== undefined;
  const v = new Validator(placeNamed(scope.node.path || '<app>'));
  v.failIf(!wanted && given !== undefined, {
    code: ErrorCodes.LBP_CONTROL_TOWER,
    property: 'controlTower',
    value: 'false',
    limit: 'controlTowerValidator is given, so the scope would be checked; controlTower: false says it must not be',
    fix: 'leave controlTower unset (a controlTowerValidator turns the check on), or drop controlTowerValidator',
  });
  v.throwIfAny();
  if (!wanted) {
    return undefined;
  }
  const validator = given ?? discoverControlTowerValidator();
  v.failIf(validator === undefined, {
    code: ErrorCodes.LBP_CONTROL_TOWER,
    property: 'controlTower',
    value: 'true',
    limit: `the AWS Control Tower rules come from ${CONTROL_TOWER_PACKAGE}, which this app cannot load`,
    fix: `install it (npm install --save-dev ${CONTROL_TOWER_PACKAGE}), or in Python and Java pass ` +
      'controlTowerValidator: new CfnGuardValidator() from cdklabs.cdk-validator-cfnguard',
  });
  v.throwIfAny();
  return validator;
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
      BlueprintDashboard._createNow(node, 'BlueprintDashboard');
    }
  }
}
