import { PythonInstaller } from './python-installer';

/**
 * How Python dependencies are installed for the target platform (shared by functions and layers).
 */
export interface PythonInstallOptions {
  /**
   * The tool that installs the dependencies. Either way only binary wheels for the function's
   * platform are taken (`--only-binary :all:`); nothing is ever built for the host.
   *
   * @default PythonInstaller.AUTO (uv when on the PATH, else pip)
   */
  readonly installer?: PythonInstaller;

  /**
   * Where installed dependencies are cached between functions and between synths, keyed by the
   * requirements, the platform and the Python version.
   *
   * @default - the `CDK_LAMBDA_BLUEPRINTS_PYTHON_CACHE` environment variable, else
   * `<os temp dir>/cdk-lambda-blueprints/python`
   */
  readonly cacheDirectory?: string;
}
