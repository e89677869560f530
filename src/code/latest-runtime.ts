import * as lambda from 'aws-cdk-lib/aws-lambda';

const RUNTIME_NAME = /^([a-z]+)(\d+(\.?\d+|\.x)?)?.*$/;

/**
 * The newest Lambda runtime of a family that the installed aws-cdk-lib knows.
 *
 * "Newest" is decided exactly as cdk-nag's AwsSolutions-L1 / Serverless-LambdaLatestVersion rules
 * decide it, so a function on `LatestRuntime.NODEJS` passes them with the same aws-cdk-lib. (That is
 * why this is not `Runtime.NODEJS_LATEST`, which can lag behind `Runtime.ALL`.)
 */
export class LatestRuntime {
  /** The newest Node.js runtime. */
  public static readonly NODEJS: lambda.Runtime = LatestRuntime.of(lambda.RuntimeFamily.NODEJS);

  /** The newest Python runtime. */
  public static readonly PYTHON: lambda.Runtime = LatestRuntime.of(lambda.RuntimeFamily.PYTHON);

  /** The newest Java runtime. */
  public static readonly JAVA: lambda.Runtime = LatestRuntime.of(lambda.RuntimeFamily.JAVA);

  /** The newest .NET runtime. */
  public static readonly DOTNET: lambda.Runtime = LatestRuntime.of(lambda.RuntimeFamily.DOTNET_CORE);

  /** The newest Ruby runtime. */
  public static readonly RUBY: lambda.Runtime = LatestRuntime.of(lambda.RuntimeFamily.RUBY);

  /**
   * The newest runtime of `family` in the installed aws-cdk-lib.
   *
   * @param family the runtime family (Node.js, Python, Java, .NET, Ruby; OTHER gives provided.al2023)
   */
  public static of(family: lambda.RuntimeFamily): lambda.Runtime {
    if (family === lambda.RuntimeFamily.OTHER) {
      return lambda.Runtime.PROVIDED_AL2023;
    }
    const members = lambda.Runtime.ALL.filter((r) => r.family === family && RUNTIME_NAME.test(r.name));
    if (members.length === 0) {
      throw new Error(`aws-cdk-lib lists no runtime of family ${lambda.RuntimeFamily[family]}`);
    }
    // The family's shortest name prefix ('dotnet', not 'dotnetcore'), as cdk-nag derives it from a name.
    const prefix = members.map((r) => prefixOf(r.name)).sort((a, b) => a.length - b.length)[0];
    return LatestRuntime.newestWithPrefix(prefix, members[0]);
  }

  /**
   * Whether `runtime` is the newest of its family (what cdk-nag's L1 rule checks). Always true for
   * OS-only (`provided*`) runtimes and container images.
   *
   * @param runtime the runtime to check
   */
  public static isLatest(runtime: lambda.Runtime): boolean {
    if (!RUNTIME_NAME.test(runtime.name)) {
      return true;
    }
    const prefix = prefixOf(runtime.name);
    if (prefix === 'provided') {
      return true;
    }
    return LatestRuntime.newestWithPrefix(prefix, runtime).name === runtime.name;
  }

  private static newestWithPrefix(prefix: string, fallback: lambda.Runtime): lambda.Runtime {
    const sorted = lambda.Runtime.ALL.filter((r) => r.name.indexOf(prefix) === 0 && RUNTIME_NAME.test(r.name))
      .sort((a, b) => byVersion(a.name, b.name));
    return sorted.length > 0 ? sorted[sorted.length - 1] : fallback;
  }

  private constructor() {}
}

/**
 * Whether the runtime named `name` is the newest of its family among `names` (e.g. `nodejs24.x` among the runtimes
 * an option supports), read the way `LatestRuntime.isLatest` reads aws-cdk-lib's list.
 *
 * @internal
 */
export function isNewestAmong(name: string, names: readonly string[]): boolean {
  if (!names.includes(name) || !RUNTIME_NAME.test(name)) {
    return false;
  }
  const family = names.filter((n) => RUNTIME_NAME.test(n) && prefixOf(n) === prefixOf(name)).sort(byVersion);
  return family[family.length - 1] === name;
}

/** Orders runtime names of one family by their version (`3.9` before `3.14`). */
function byVersion(a: string, b: string): number {
  const version = (name: string) => name.match(RUNTIME_NAME)![2] ?? '0';
  return version(a).localeCompare(version(b), undefined, { numeric: true, sensitivity: 'base' });
}

function prefixOf(name: string): string {
  return name.match(RUNTIME_NAME)![1];
}
