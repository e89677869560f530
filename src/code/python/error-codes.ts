/**
 * Stable error codes of Python packaging (`FunctionCode.fromPythonProject`,
 * `FunctionLayer.fromPythonRequirements`). Never reused for another rule; the README lists them.
 *
 * @internal
 */
export const PythonErrorCodes = {
  /** The project directory or requirements file does not exist. */
  PROJECT_NOT_FOUND: 'LBP_PYTHON_PROJECT_NOT_FOUND',
  /** The runtime is not a Python runtime, or too old for binary wheels of the library's tag lists. */
  RUNTIME: 'LBP_PYTHON_RUNTIME',
  /** Neither uv nor pip (nor a Python interpreter) can be run, or a lock file needs a tool that is missing. */
  TOOL_MISSING: 'LBP_PYTHON_TOOL_MISSING',
  /** One or more dependencies have no binary wheel for the target platform and Python version. */
  NO_WHEEL: 'LBP_PYTHON_NO_WHEEL',
  /** The installer failed for another reason (network, a conflict, a bad requirement line). */
  INSTALL_FAILED: 'LBP_PYTHON_INSTALL_FAILED',
  /** Exporting a lock file (uv.lock, poetry.lock) or reading pyproject.toml failed. */
  EXPORT_FAILED: 'LBP_PYTHON_EXPORT_FAILED',
} as const;
