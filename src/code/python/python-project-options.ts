import { PythonInstallOptions } from './python-install-options';

/**
 * Options of `FunctionCode.fromPythonProject`.
 */
export interface PythonProjectOptions extends PythonInstallOptions {
  /**
   * The file listing the dependencies, relative to the project directory (or absolute): a
   * `requirements.txt`, a `uv.lock`, a `poetry.lock` or a `pyproject.toml`.
   *
   * @default - the first of `requirements.txt`, `uv.lock`, `poetry.lock`, `pyproject.toml` found in
   * the directory; none: the handler directory alone
   */
  readonly requirementsFile?: string;

  /**
   * Glob patterns (relative to the directory) kept out of the asset, besides the defaults:
   * virtualenvs (`.venv`, `venv`), caches (`__pycache__`, `*.pyc`, `.pytest_cache`, `.mypy_cache`,
   * `.ruff_cache`, `.tox`), tests (`tests`, `test`, `test_*.py`, `*_test.py`, `conftest.py`), `.git`,
   * `node_modules` and `cdk.out`.
   *
   * @default - the defaults only
   */
  readonly exclude?: string[];
}
