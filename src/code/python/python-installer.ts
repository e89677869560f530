/**
 * Which tool installs Python dependencies for the target platform.
 */
export enum PythonInstaller {
  /** uv when it is on the PATH (about 5x faster), else pip. */
  AUTO = 'AUTO',
  /** pip (`python3 -m pip`), run under the runtime's Python version when that interpreter is on the PATH. */
  PIP = 'PIP',
  /** uv (`uv pip install`). Synth fails with LBP_PYTHON_TOOL_MISSING when uv is not on the PATH. */
  UV = 'UV',
}
