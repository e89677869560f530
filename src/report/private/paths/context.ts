import { EndpointReport, FunctionReport } from '../report-model';
import { Json, StackIndex, TemplateResource } from '../template-index';
import { endpointOf, textOf } from './endpoints';

/** A failure sink: where it is, and the resource of the app it is, if it is one. @internal */
export interface Sink {
  readonly endpoint: EndpointReport;
  readonly resource?: TemplateResource;
  /** Alarms found another way than by the sink's resource (e.g. a broker's dead-letter queue by name). */
  readonly alarms?: string[];
}

/** A path with no sink for what the service fails to deliver: what is lost, and the fix. @internal */
export interface Unsunk {
  /** What the path is, e.g. `the EventBridge rule target 'Target0' of <path>`. */
  readonly what: string;
  readonly lost: string;
  readonly fix: string;
}

/** One event path as a family finds it, before ids, alarms and gaps. @internal */
export interface PathCandidate {
  readonly source: EndpointReport;
  readonly invocation: 'asynchronous' | 'synchronous' | 'poller' | 'unknown';
  readonly fn: FunctionReport;
  readonly wiring: TemplateResource;
  /** Overrides the default rule (the wiring resource lies under a library trigger's scope). */
  readonly byLibrary?: boolean;
  /** Resources a `Lambda::Permission`'s SourceArn may name for this path (the source and the wiring resource). */
  readonly related: TemplateResource[];
  /** The invoking service (`sns`, `events`, `apigateway`, ...), for permissions that name no source. */
  readonly service?: string;
  readonly sink?: Sink;
  readonly unsunk?: Unsunk;
  readonly note?: string;
  /** For Lambda@Edge associations outside the app: the ARN as written, used as `functionId`. */
  readonly functionText?: string;
}

/** The child ids of the library's trigger scopes under a ServerlessFunction (src/triggers/*: `triggerScope`). */
const TRIGGER_SCOPES = /^(HttpApi|Alb|Sns|FunctionUrl|Sqs|RestApi|EventRule|Cognito|IotRule|Kafka|WebSocketApi|Schedule|Logs|Firehose|S3|DynamoDbStream|Kinesis|DocumentDb|AlexaSkill|Mq)/;

/** The lookups every family uses. @internal */
export class PathContext {
  private readonly byKey = new Map<string, FunctionReport>();
  private alarmIndex?: Map<string, string[]>;

  constructor(public readonly index: StackIndex, public readonly functions: FunctionReport[]) {
    for (const f of functions) {
      this.byKey.set(`${f.file}|${f.logicalId}`, f);
    }
  }

  /** The function a value written in `file` invokes: a function, or a version or alias of one. */
  public functionAt(file: string, value: Json): FunctionReport | undefined {
    let r = this.index.resolve(file, value);
    for (let hops = 0; r && (r.type === 'AWS::Lambda::Alias' || r.type === 'AWS::Lambda::Version') && hops < 3; hops++) {
      r = this.index.resolve(r.file, r.properties?.FunctionName);
    }
    if (r?.type !== 'AWS::Lambda::Function') {
      return undefined;
    }
    const key = `${r.file}|${r.logicalId}`;
    if (!this.byKey.has(key)) {
      // A function of another stack (an import): its id is its construct path all the same.
      this.byKey.set(key, {
        id: r.path,
        logicalId: r.logicalId,
        file: r.file,
        path: r.path,
        name: r.path,
        blueprint: false,
        codeKind: '',
        runtime: '',
        architecture: '',
        memoryMb: 0,
        timeoutSeconds: 0,
        alarms: [],
      });
    }
    return this.byKey.get(key);
  }

  /** A sink named by a template value (a resource of the app, or an ARN as written). */
  public sinkAt(file: string, value: Json, fallbackKind = 'failure destination'): Sink | undefined {
    if (value === undefined || value === null || value === '') {
      return undefined;
    }
    return endpointOf(this.index, file, value, fallbackKind);
  }

  /**
   * The function's own sink for asynchronous invocations Lambda accepted and then failed: the on-failure
   * destination of an `EventInvokeConfig` for it (any qualifier), else its `DeadLetterConfig`.
   */
  public asyncSinkOf(fn: FunctionReport): Sink | undefined {
    for (const config of this.index.ofType('AWS::Lambda::EventInvokeConfig')) {
      const destination = config.properties?.DestinationConfig?.OnFailure?.Destination;
      if (destination !== undefined && this.functionAt(config.file, config.properties?.FunctionName) === fn) {
        return this.sinkAt(config.file, destination);
      }
    }
    const own = this.index.resource(fn.file, fn.logicalId);
    return this.sinkAt(fn.file, own?.properties?.DeadLetterConfig?.TargetArn);
  }

  /** Construct paths of the alarms whose metrics select the resource (a dimension, a Metrics Insights query), sorted. */
  public alarmsOn(resource: TemplateResource | undefined): string[] {
    if (!resource) {
      return [];
    }
    if (!this.alarmIndex) {
      this.alarmIndex = new Map();
      for (const alarm of this.index.ofType('AWS::CloudWatch::Alarm')) {
        for (const value of watchedValues(alarm.properties)) {
          const watched = this.index.resolve(alarm.file, value);
          if (watched) {
            const key = `${watched.file}|${watched.logicalId}`;
            const list = this.alarmIndex.get(key) ?? [];
            if (!list.includes(alarm.path)) {
              list.push(alarm.path);
            }
            this.alarmIndex.set(key, list);
          }
        }
      }
    }
    return [...this.alarmIndex.get(`${resource.file}|${resource.logicalId}`) ?? []].sort();
  }

  /** Alarms with a metric of `namespace` whose dimensions satisfy `match` (sorted). */
  public alarmsWhere(namespace: string, match: (dims: Record<string, string>) => boolean): string[] {
    const found = new Set<string>();
    for (const alarm of this.index.ofType('AWS::CloudWatch::Alarm')) {
      for (const m of metricsOf(alarm.properties)) {
        const dims: Record<string, string> = {};
        for (const d of Array.isArray(m?.Dimensions) ? m.Dimensions : []) {
          dims[String(d?.Name)] = textOf(d?.Value);
        }
        if (m?.Namespace === namespace && match(dims)) {
          found.add(alarm.path);
        }
      }
    }
    return [...found].sort();
  }

  /**
   * Whether the library wired the path: its wiring resource lies in one of the library's trigger scopes
   * (`<ServerlessFunction>/<Sqs…|Sns…|EventRule|Schedule|S3…|HttpApi|…>/…`, the ids `triggerScope` gives in
   * src/triggers/*), under a function whose L1 is `<ServerlessFunction>/Function/Resource`. A pattern's
   * triggers are its function's. What the user adds to a ServerlessFunction with aws-cdk-lib
   * (`fn.liveAlias.addEventSource`, `addPermission`) lands under `LiveAlias` or `Function`: not the library's.
   */
  public isLibraryWiring(wiringPath: string): boolean {
    for (const f of this.functions) {
      const owner = /^(.*)\/Function\/Resource$/.exec(f.id)?.[1];
      if (owner && wiringPath.startsWith(`${owner}/`) && TRIGGER_SCOPES.test(wiringPath.slice(owner.length + 1))) {
        return true;
      }
    }
    return false;
  }
}

/** Every metric of an alarm: its own, and those of its metric-math `Metrics`. */
function metricsOf(p: Json): Json[] {
  const own = p?.MetricName !== undefined || p?.Dimensions !== undefined ? [p] : [];
  const math = Array.isArray(p?.Metrics) ? p.Metrics.map((m: Json) => m?.MetricStat?.Metric).filter((m: Json) => m) : [];
  return [...own, ...math];
}

/**
 * The values an alarm's metrics select resources by: each dimension's value, and each reference inside a
 * Metrics Insights query (fleet alarms: `... WHERE QueueName IN ('<queue>', ...)`, joined from references).
 */
function watchedValues(p: Json): Json[] {
  const dimensions = metricsOf(p).flatMap((m) => (Array.isArray(m?.Dimensions) ? m.Dimensions : [])).map((d: Json) => d?.Value);
  const queries = (Array.isArray(p?.Metrics) ? p.Metrics : []).map((m: Json) => m?.Expression).filter((e: Json) => typeof e === 'object');
  return [...dimensions, ...queries.flatMap((q: Json) => referencesIn(q))];
}

/** Every `Ref` and `Fn::GetAtt` inside a template value. */
function referencesIn(value: Json, depth = 0): Json[] {
  if (value === null || typeof value !== 'object' || depth > 16) {
    return [];
  }
  if (typeof value.Ref === 'string' || Array.isArray(value['Fn::GetAtt'])) {
    return [value];
  }
  return Object.values<Json>(value).flatMap((v) => referencesIn(v, depth + 1));
}

/** A resource's list property as objects (never a crash on a token or a missing value). @internal */
export function listOf(value: Json): Json[] {
  return Array.isArray(value) ? value.filter((x) => typeof x === 'object' && x !== null) : [];
}
