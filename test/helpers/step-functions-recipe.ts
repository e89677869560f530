import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as ts from 'typescript';
import { HANDLER_DIR } from './template';

const DOC = path.join(__dirname, '..', '..', 'docs', 'step-functions.md');

/** The first TypeScript block of docs/step-functions.md, compiled to a function of `this` and `require`. */
function recipe(): (this: Stack, req: (id: string) => unknown, exports: object) => void {
  const block = /```ts\n([\s\S]*?)```/.exec(fs.readFileSync(DOC, 'utf8'));
  if (!block) {
    throw new Error(`no TypeScript block in ${DOC}`);
  }
  const js = ts.transpileModule(block[1].replace("'handlers/enrich'", JSON.stringify(HANDLER_DIR)), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('require', 'exports', js) as any;
}

/**
 * Runs the Step Functions recipe of docs/step-functions.md, as it is written, in `stack` (its `this`):
 * `cdk-lambda-blueprints` resolves to this checkout and the handler directory is the test fixture.
 */
export function buildStepFunctionsRecipe(stack: Stack): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const req = (id: string) => require(id === 'cdk-lambda-blueprints' ? '../../src' : id);
  recipe().call(stack, req, {});
}
