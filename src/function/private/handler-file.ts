import * as fs from 'fs';
import * as path from 'path';
import { Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';

/** The files each runtime family loads a handler module from (Lambda's runtime interface clients), the usual three first. */
const MODULE_FILES: { readonly [family: number]: (module: string) => string[] } = {
  [lambda.RuntimeFamily.NODEJS]: (m) => ['.js', '.mjs', '.cjs', '', '.json', '.node', '/index.js', '/index.mjs', '/index.cjs'].map((ext) => m + ext),
  [lambda.RuntimeFamily.PYTHON]: (m) => {
    const file = m.replace(/\./g, '/');
    return [`${file}.py`, `${file}/__init__.py`, `${file}.pyc`];
  },
};

const FORMAT: { readonly [family: number]: string } = {
  [lambda.RuntimeFamily.NODEJS]: '<file>.<export>, e.g. index.handler for index.js (or .mjs/.cjs)',
  [lambda.RuntimeFamily.PYTHON]: '<module>.<function>, e.g. app.handler for app.py',
  [lambda.RuntimeFamily.RUBY]: '<file>.<method>, e.g. function.handler for function.rb',
};

/**
 * The module part of a handler as the runtime splits it (undefined when malformed): Node.js takes the
 * last path segment up to its first dot (`dist/app.main` -> `dist/app`, export `main`), Python and
 * Ruby split at the last dot.
 */
function handlerModule(family: lambda.RuntimeFamily, handler: string): string | undefined {
  const slash = handler.lastIndexOf('/');
  const dot = family === lambda.RuntimeFamily.NODEJS ? handler.indexOf('.', slash + 1) : handler.lastIndexOf('.');
  return dot <= slash + 1 || dot === handler.length - 1 ? undefined : handler.slice(0, dot);
}

/**
 * Checks a Node.js, Python or Ruby handler: it must be `<file>.<function>` (Lambda accepts any string,
 * but the runtime then fails every invocation with Runtime.MalformedHandlerName), and, for a plain
 * directory asset without layers (a layer may provide the handler module, as monitoring wrappers do),
 * its file must be in the directory (otherwise every invocation fails with Runtime.ImportModuleError).
 *
 * @internal
 */
export function checkHandlerFile(
  v: Validator,
  handler: string,
  runtime: lambda.Runtime | undefined,
  assetDirectory: string | undefined,
  hasLayers: boolean,
): void {
  const family = runtime?.family;
  if (family === undefined || FORMAT[family] === undefined || Token.isUnresolved(handler)) {
    return;
  }
  const module = handlerModule(family, handler);
  if (module === undefined) {
    v.fail({
      code: ErrorCodes.LBP_HANDLER_FILE,
      property: 'handler',
      value: `'${handler}' on ${runtime!.name}`,
      limit: `a ${runtime!.name} handler is ${FORMAT[family]}; Lambda accepts '${handler}' but fails every invocation (Runtime.MalformedHandlerName)`,
      fix: `write the handler as ${FORMAT[family].split(',')[0]}`,
    });
    return;
  }
  const candidates = MODULE_FILES[family];
  if (!assetDirectory || hasLayers || !candidates || handler.startsWith('/')) {
    return;
  }
  const files = candidates(module);
  if (files.some((f) => fs.existsSync(path.join(assetDirectory, f)))) {
    return;
  }
  v.fail({
    code: ErrorCodes.LBP_HANDLER_FILE,
    property: 'handler',
    value: `'${handler}'`,
    limit: `its module file (${files.slice(0, 3).join(', ')}) is not in the code directory ${assetDirectory}; every invocation would fail (Runtime.ImportModuleError)`,
    fix: 'point handler at a file of the directory (path relative to it), or pass the directory that holds the handler',
  });
}
