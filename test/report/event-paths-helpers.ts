import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { eventPathsOf, StackEventPaths } from '../../src/report/private/event-paths';
import { FunctionReport } from '../../src/report/private/report-model';
import { Json, StackIndex, StackTemplate } from '../../src/report/private/template-index';
import { TEST_ENV } from '../helpers/template';

/** A fresh app that writes construct paths into templates (as `cdk synth` does). */
export function pathApp(): App {
  return new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': true, 'aws:cdk:enable-path-metadata': true, 'aws:cdk:enable-asset-metadata': true } });
}

/** A fresh stack `TestStack` in a {@link pathApp}. */
export function pathStack(id = 'TestStack'): Stack {
  return new Stack(pathApp(), id, { env: TEST_ENV });
}

/** The FunctionReports of an index, as much of them as event paths read (the model reader builds the rest). */
export function functionsOf(index: StackIndex): FunctionReport[] {
  return index.ofType('AWS::Lambda::Function').map((r) => ({
    id: r.path,
    logicalId: r.logicalId,
    file: r.file,
    path: r.path,
    name: r.path.replace(/\/Function\/Resource$|\/Resource$/, ''),
    blueprint: r.path.endsWith('/Function/Resource'),
    codeKind: 'zip asset',
    runtime: '',
    architecture: '',
    memoryMb: 0,
    timeoutSeconds: 0,
    alarms: [],
  }));
}

/** The event paths of one stack without nested stacks or imports. */
export function pathsOfStack(stack: Stack): StackEventPaths {
  const index = new StackIndex([{ file: `${stack.artifactId}.template.json`, template: Template.fromStack(stack).toJSON() }]);
  return eventPathsOf(stack.artifactId, index, functionsOf(index));
}

/** The templates of a stack in a cloud assembly: its own, then its nested stacks' (depth first). */
function templatesOf(dir: string, file: string, nestedIn?: { file: string; logicalId: string }): StackTemplate[] {
  const template: Json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf-8'));
  const nested = Object.entries<Json>(template.Resources ?? {})
    .filter(([, r]) => r.Type === 'AWS::CloudFormation::Stack' && typeof r.Metadata?.['aws:asset:path'] === 'string')
    .flatMap(([logicalId, r]) => templatesOf(dir, r.Metadata['aws:asset:path'], { file, logicalId }));
  return [{ file, template, ...(nestedIn ? { nestedIn } : {}) }, ...nested];
}

/** Every stack of a synthesized app (exports shared, as the model reader does), with its event paths. */
export function pathsOfApp(app: App): Map<string, StackEventPaths & { index: StackIndex }> {
  const assembly = app.synth();
  const exports = new Map<string, { index: StackIndex; file: string; value: Json }>();
  const indexes = new Map<string, StackIndex>();
  for (const stack of assembly.stacks) {
    const templates = templatesOf(assembly.directory, stack.templateFile);
    const index = new StackIndex(templates, exports);
    indexes.set(stack.id, index);
    for (const t of templates) {
      for (const output of Object.values<Json>(t.template.Outputs ?? {})) {
        if (typeof output?.Export?.Name === 'string') {
          exports.set(output.Export.Name, { index, file: t.file, value: output.Value });
        }
      }
    }
  }
  const allFunctions = [...indexes.values()].flatMap(functionsOf);
  const result = new Map<string, StackEventPaths & { index: StackIndex }>();
  for (const [id, index] of indexes) {
    // A path in one stack may reach a function of another (an import): every function of the app is offered.
    result.set(id, { ...eventPathsOf(id, index, allFunctions), index });
  }
  return result;
}
