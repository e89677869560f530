import * as fs from 'fs';
import * as path from 'path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DeferredNodejsCode } from './deferred-nodejs-code';
import { NodejsEntryOptions } from './nodejs-entry-options';
import { findProjectRoot } from './project-root';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import type { CodeCheck } from '../function-code';

const ENTRY_EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'];
/** Loaders that inline the file in the bundle (the `file` and `copy` loaders would write files beside it). */
const INLINE_LOADERS = ['js', 'jsx', 'ts', 'tsx', 'json', 'text', 'base64', 'dataurl', 'binary', 'empty'];
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Checks a Node.js entry and its options into `v` (the function's other problems join them); its build
 * gives the function a code that is bundled with the rest of the app's entries at synth.
 *
 * @internal
 */
export function checkNodejsEntry(v: Validator, entry: string, options: NodejsEntryOptions): CodeCheck {
  const entryPath = path.resolve(entry);
  const isFile = fs.existsSync(entryPath) && fs.statSync(entryPath).isFile();
  v.failIf(!isFile, {
    code: ErrorCodes.LBP_BUNDLING_ENTRY_NOT_FOUND,
    property: 'entry',
    value: entryPath,
    limit: 'the entry must be an existing file',
    fix: 'pass the path of the handler source file (e.g. path.join(__dirname, "handlers", "orders.ts"))',
  });
  const ext = path.extname(entryPath).toLowerCase();
  v.failIf(!ENTRY_EXTENSIONS.includes(ext), {
    code: ErrorCodes.LBP_BUNDLING_ENTRY_EXTENSION,
    property: 'entry',
    value: entryPath,
    limit: `the entry must be JavaScript or TypeScript (${ENTRY_EXTENSIONS.join(', ')})`,
    fix: 'point at the handler source file; for other languages use FunctionCode.fromAsset',
  });
  const handlerExport = options.handlerExport ?? 'handler';
  v.failIf(!IDENTIFIER.test(handlerExport), {
    code: ErrorCodes.LBP_BUNDLING_HANDLER_EXPORT,
    property: 'handlerExport',
    value: JSON.stringify(handlerExport),
    limit: 'the handler export must be a JavaScript identifier',
    fix: 'name the exported function, e.g. "handler"',
  });
  const projectRoot = options.projectRoot ? path.resolve(options.projectRoot) : findProjectRoot(entryPath);
  v.failIf(!(fs.existsSync(projectRoot) && fs.statSync(projectRoot).isDirectory()), {
    code: ErrorCodes.LBP_BUNDLING_PROJECT_ROOT,
    property: 'projectRoot',
    value: projectRoot,
    limit: 'the project root must be an existing directory',
    fix: 'pass the directory holding your package.json (or leave projectRoot unset)',
  });
  for (const [extension, loader] of Object.entries(options.loader ?? {})) {
    v.failIf(!INLINE_LOADERS.includes(loader), {
      code: ErrorCodes.LBP_BUNDLING_LOADER,
      property: `loader['${extension}']`,
      value: JSON.stringify(loader),
      limit: `the loader must inline the file in the bundle (${INLINE_LOADERS.join(', ')})`,
      fix: 'use "text", "base64", "binary" or "dataurl", or ship the file with FunctionCode.fromAsset or a layer',
    });
  }
  const config = { isImage: false, handler: `index.${handlerExport}`, runtimeFamily: lambda.RuntimeFamily.NODEJS };
  return { ...config, contentsKnown: true, build: () => ({ ...config, code: new DeferredNodejsCode(entryPath, projectRoot, options) }) };
}
