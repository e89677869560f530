import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LatestRuntime } from '../../src';
import { isNewestAmong } from '../../src/code/latest-runtime';

describe('LatestRuntime', () => {
  test.each([
    ['NODEJS', LatestRuntime.NODEJS, lambda.RuntimeFamily.NODEJS, 'nodejs'],
    ['PYTHON', LatestRuntime.PYTHON, lambda.RuntimeFamily.PYTHON, 'python'],
    ['JAVA', LatestRuntime.JAVA, lambda.RuntimeFamily.JAVA, 'java'],
    ['DOTNET', LatestRuntime.DOTNET, lambda.RuntimeFamily.DOTNET_CORE, 'dotnet'],
    ['RUBY', LatestRuntime.RUBY, lambda.RuntimeFamily.RUBY, 'ruby'],
  ])('%s is the highest version of its family in Runtime.ALL', (_n, runtime, family, prefix) => {
    expect(runtime.family).toBe(family);
    expect(runtime.name.startsWith(prefix)).toBe(true);
    expect(LatestRuntime.isLatest(runtime)).toBe(true);
    const version = (r: lambda.Runtime) => r.name.replace(/^[a-z]+/, '');
    for (const other of lambda.Runtime.ALL.filter((r) => r.family === family && r.name !== runtime.name && /\d/.test(r.name))) {
      if (other.name.startsWith(prefix) && !other.name.startsWith(`${prefix}core`)) {
        expect(version(other).localeCompare(version(runtime), undefined, { numeric: true })).toBeLessThan(0);
      }
    }
  });

  test('older runtimes are not the latest; provided runtimes always are', () => {
    expect(LatestRuntime.isLatest(lambda.Runtime.NODEJS_18_X)).toBe(false);
    expect(LatestRuntime.isLatest(lambda.Runtime.PYTHON_3_9)).toBe(false);
    expect(LatestRuntime.isLatest(lambda.Runtime.PROVIDED_AL2023)).toBe(true);
    expect(LatestRuntime.of(lambda.RuntimeFamily.OTHER)).toBe(lambda.Runtime.PROVIDED_AL2023);
  });

  test('python 3.14 sorts above python 3.9 (numeric, not lexical)', () => {
    expect(LatestRuntime.PYTHON.name).not.toBe('python3.9');
  });
});

describe('isNewestAmong (the newest runtime an option supports)', () => {
  test.each([
    ['python3.14', ['python3.9', 'python3.13', 'python3.14'], true],
    ['python3.9', ['python3.9', 'python3.13', 'python3.14'], false],
    ['nodejs24.x', ['nodejs22.x', 'nodejs24.x', 'python3.14', 'java25'], true],
    ['java21', ['java17', 'java21', 'java25'], false],
    ['java25', ['nodejs24.x', 'java17', 'java25'], true],
    ['nodejs24.x', ['nodejs22.x'], false],
  ])('%s among %j: %s', (name, names, newest) => {
    expect(isNewestAmong(name, names)).toBe(newest);
  });
});
