/**
 * The facts of one blueprint report: what `blueprints.json` holds and `blueprints.html` shows. Built from a
 * cloud assembly on disk (templates, stack metadata, `tree.json`, `<stack>.cost.json`), so the report written
 * at synth and the one the CLI writes over an existing `cdk.out` are the same. Every list is sorted (by stack,
 * then construct path) and nothing depends on the machine, the clock or the language the app was written in:
 * the TypeScript, Python and Java example apps produce byte-identical reports.
 *
 * @internal
 */
export interface ReportModel {
  /** Bumped when a field changes meaning or goes away (additions keep it). */
  readonly schemaVersion: 1;
  readonly generator: 'cdk-lambda-blueprints';
  readonly summary: ReportSummary;
  readonly stacks: StackReport[];
}

/** The numbers at the top of the page. @internal */
export interface ReportSummary {
  readonly stacks: number;
  readonly functions: number;
  readonly eventPaths: number;
  /** Event paths with no failure sink, or whose sink has no alarm (each a `Gap`). */
  readonly gaps: number;
  /** cdk-nag findings no acknowledgement covers (errors and warnings of any pack). */
  readonly unacknowledgedFindings: number;
  /** cdk-nag rule ids acknowledged by the library, counted once per resource. */
  readonly libraryAcknowledgements: number;
  /** cdk-nag rule ids acknowledged with one of the user's decisions, counted once per resource. */
  readonly userDecisions: number;
  readonly alarms: number;
  /** The idle cost of every stack with a cost report (`<stack>.cost.json`), verified rates only. */
  readonly monthlyUsd: number;
  /** Charges at rates that could not be verified (in no total). */
  readonly unverifiedMonthlyUsd: number;
  /** Stacks without a cost report (cost report turned off, or not a blueprints stack). */
  readonly stacksWithoutCost: number;
}

/** One deployable stack (its nested stacks folded in). @internal */
export interface StackReport {
  /** The artifact id (`cdk deploy <id>`). */
  readonly id: string;
  readonly displayName: string;
  /** `aws://account/region`, or `unknown-account/unknown-region` for environment-agnostic stacks. */
  readonly environment: string;
  /** Template files read, relative to the assembly (the stack's, then its nested stacks'). */
  readonly templates: string[];
  readonly resources: number;
  readonly functions: FunctionReport[];
  readonly eventPaths: EventPathReport[];
  readonly alarms: AlarmReport[];
  readonly acknowledgements: AcknowledgementReport[];
  readonly userDecisions: AcknowledgementReport[];
  readonly nagPacks: NagPackReport[];
  readonly gaps: GapReport[];
  /** Warnings recorded at synth (annotation metadata), other than cdk-nag findings and gaps. */
  readonly warnings: MessageReport[];
  readonly cost?: StackCost;
}

/** One Lambda function of a stack. @internal */
export interface FunctionReport {
  /** The construct path of its `AWS::Lambda::Function` (unique in an app): the key event paths refer to. */
  readonly id: string;
  readonly logicalId: string;
  /** The template file it is in (a nested stack's, for FunctionGroup shards). */
  readonly file: string;
  /** The construct path of the function's L1 resource. */
  readonly path: string;
  /** The construct path users know it by (the ServerlessFunction, or the plain function's construct). */
  readonly name: string;
  /** Whether it is a ServerlessFunction of this library (it has the `live` alias and the library's alarms). */
  readonly blueprint: boolean;
  /** `zip asset`, `inline`, `S3 object`, `container image`. */
  readonly codeKind: string;
  /** The runtime, or `container image` for image functions. */
  readonly runtime: string;
  /** `x86_64` when the template leaves it out (Lambda's default), `unknown` when it is a token left unresolved. */
  readonly architecture: string;
  /** 128 when the template leaves it out (Lambda's default), 0 when it is a token left unresolved. */
  readonly memoryMb: number;
  /** 3 when the template leaves it out (Lambda's default), 0 when it is a token left unresolved. */
  readonly timeoutSeconds: number;
  /** Reserved concurrency, if set. */
  readonly reservedConcurrency?: number;
  /** Provisioned concurrency on its alias, if set. */
  readonly provisionedConcurrency?: number;
  /** The alias callers invoke (`live` for ServerlessFunctions), if any. */
  readonly alias?: string;
  /** Its asynchronous-invocation failure sink (on-failure destination or dead-letter queue), if any. */
  readonly asyncFailureSink?: EndpointReport;
  /** Construct paths of the alarms that watch the function's own metrics. */
  readonly alarms: string[];
}

/** A resource at one end of an event path. @internal */
export interface EndpointReport {
  /** What it is, for people: `SQS queue`, `SNS topic`, `S3 bucket`, `EventBridge rule`, `REST API`, ... */
  readonly kind: string;
  /** The construct path, or the ARN/name as written when it is outside the app. */
  readonly name: string;
  /** The logical id in the stack, when it is a resource of the app. */
  readonly logicalId?: string;
  /** For sinks: how long a failed event is kept, in seconds, when known. */
  readonly retentionSeconds?: number;
  /** For sinks: whether the template encrypts it (`true`), leaves it unencrypted (`false`), or it is unknown. */
  readonly encrypted?: boolean;
}

/** One way events reach a function, and where those it fails on go. @internal */
export interface EventPathReport {
  /** `<construct path of the resource that wires it>[#<n>]`: unique in the report. */
  readonly id: string;
  readonly source: EndpointReport;
  /** How the source invokes: `asynchronous`, `synchronous`, `poller` (event source mapping). */
  readonly invocation: string;
  /** `FunctionReport.id` of the function it invokes. */
  readonly functionId: string;
  /** The resource that wires the path (the mapping, subscription, rule, permission, ...): its construct path. */
  readonly wiredBy: string;
  /** Whether one of the library's triggers or patterns wired it (`false`: written by hand with aws-cdk-lib). */
  readonly byLibrary: boolean;
  /** Where events the function (or the service) fails on end up, if anywhere. */
  readonly failureSink?: EndpointReport;
  /** Construct paths of the alarms that watch the sink. */
  readonly sinkAlarms: string[];
  /** Why the path loses failed events or is not watched, if it does; the same text as its `GapReport`. */
  readonly gap?: string;
  /** For synchronous paths: failed requests go back to the caller; what to watch instead. */
  readonly note?: string;
}

/** One CloudWatch alarm. @internal */
export interface AlarmReport {
  readonly logicalId: string;
  readonly path: string;
  /** The metric (`Namespace/MetricName`), the expression, or the composite rule it evaluates. */
  readonly watches: string;
  /** `> 0 for 1 of 1 x 60 s`, as CloudWatch would read it. */
  readonly condition: string;
  readonly threshold?: number;
  /** `standard`, `metric math`, `Metrics Insights`, `composite`, `anomaly detection`. */
  readonly kind: string;
  /** Whether it notifies anything (an alarm action is set). */
  readonly notifies: boolean;
}

/** One acknowledged cdk-nag rule (or Control Tower control) on one resource, with its reason. @internal */
export interface AcknowledgementReport {
  readonly ruleId: string;
  /** `AwsSolutions`, `Serverless`, `HIPAA.Security`, `NIST.800.53.R5`, `PCI.DSS.321`, `Control Tower`, or `other`. */
  readonly pack: string;
  readonly path: string;
  readonly reason: string;
  /** The user decision it comes from (`noVpc`, ...), for user decisions. */
  readonly decision?: string;
}

/** What one cdk-nag pack said about a stack. @internal */
export interface NagPackReport {
  readonly pack: string;
  /** Whether the pack ran at this synth (`false`: only its acknowledgements are known). */
  readonly ran: boolean;
  readonly unacknowledged: MessageReport[];
  readonly acknowledgedByLibrary: number;
  readonly acknowledgedByUser: number;
}

/** An event path that loses failed events, or a sink no alarm watches. @internal */
export interface GapReport {
  readonly path: string;
  readonly message: string;
  /** `EventPathReport.id`, when the gap is on a path the report draws. */
  readonly eventPathId?: string;
}

/** One annotation (warning or error) recorded at synth. @internal */
export interface MessageReport {
  readonly path: string;
  readonly level: string;
  /** The rule id or annotation id, when there is one. */
  readonly id?: string;
  readonly message: string;
}

/** The idle cost of a stack, from its `<stack>.cost.json`. @internal */
export interface StackCost {
  readonly monthlyUsd: number;
  readonly unverifiedMonthlyUsd: number;
  readonly lines: { readonly item: string; readonly count: number; readonly unitUsd: number; readonly monthlyUsd: number }[];
  /**
   * The charges at unverified rates (in no total), each with the amount it would add; their sum is
   * `unverifiedMonthlyUsd`. Copied from the cost report's `unverifiedLines`.
   */
  readonly unverifiedLines?: { readonly item: string; readonly count: number; readonly unitUsd: number; readonly monthlyUsd: number }[];
  /** Each rate with the pricing page it was read on and when. */
  readonly rates: { readonly item: string; readonly unitUsd: number; readonly url: string; readonly read: string; readonly verified: boolean }[];
  readonly priceTable: { readonly region: string; readonly date: string; readonly currency: string };
}

/**
 * Findings of cdk-nag 3 packs that ran at this synth as validation plugins: their results are not in the
 * assembly when the report is written (aws-cdk-lib writes the validation report after every plugin ran).
 *
 * @internal
 */
export interface PluginFindings {
  readonly pack: string;
  readonly findings: MessageReport[];
}
