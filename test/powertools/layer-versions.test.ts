import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  PYTHON_ARM64_313_ROWS, PYTHON_ARN_TEMPLATES, PYTHON_PAGE, PYTHON_X86_313_ROWS, PYTHON_X86_TABS, TYPESCRIPT_PAGE, TYPESCRIPT_ROWS,
} from './fixtures/powertools-layer-pages';
import { PowertoolsLayerKind, powertoolsLayerArn, powertoolsLayerKind, regionalLayer } from '../../src/powertools/powertools-layer';
import { PYTHON_LAYER_PYTHON_VERSIONS, PYTHON_LAYERS, TYPESCRIPT_LAYERS } from '../../src/powertools/powertools-layer-versions';

function parse(arn: string): { partition: string; region: string; account: string; name: string; version: number } {
  const m = /^arn:([a-z-]+):lambda:([a-z0-9-]+):(\d{12}):layer:([A-Za-z0-9_-]+):(\d+)$/.exec(arn);
  if (!m) {
    throw new Error(`not a layer version ARN: ${arn}`);
  }
  return { partition: m[1], region: m[2], account: m[3], name: m[4], version: Number(m[5]) };
}

function kind(runtime: lambda.Runtime, architecture: lambda.Architecture): PowertoolsLayerKind {
  const k = powertoolsLayerKind(runtime, architecture);
  if (typeof k === 'string') {
    throw new Error(k);
  }
  return k;
}

describe(`the pinned TypeScript layers match ${TYPESCRIPT_PAGE.url} (read ${TYPESCRIPT_PAGE.read})`, () => {
  test.each(TYPESCRIPT_ROWS)('%s: %s', (region, arn) => {
    const page = parse(arn);
    for (const architecture of [lambda.Architecture.ARM_64, lambda.Architecture.X86_64]) {
      const k = kind(lambda.Runtime.NODEJS_22_X, architecture);
      expect(k.layerName).toBe(page.name);
      expect(regionalLayer(k, region)).toEqual({ partition: page.partition, account: page.account, version: page.version });
      // The ARN the function gets: the page's, with the row's own Region (see eu-central-2 in the fixture).
      expect(powertoolsLayerArn(k, region, undefined)).toBe(arn.replace(`:${page.region}:`, `:${region}:`));
    }
  });

  test('the table lists exactly the page\'s Regions', () => {
    const pinned = TYPESCRIPT_LAYERS.flatMap((p) => Object.keys(p.accountByRegion)).sort();
    expect(pinned).toEqual(TYPESCRIPT_ROWS.map(([r]) => r).sort());
  });
});

describe(`the pinned Python layers match ${PYTHON_PAGE.url} (read ${PYTHON_PAGE.read})`, () => {
  const cases: Array<[string, lambda.Architecture, Array<[string, string]>, string]> = [
    ['x86_64', lambda.Architecture.X86_64, PYTHON_X86_313_ROWS, PYTHON_ARN_TEMPLATES[0]],
    ['arm64', lambda.Architecture.ARM_64, PYTHON_ARM64_313_ROWS, PYTHON_ARN_TEMPLATES[1]],
  ];
  test.each(cases)('%s: the Regions, account and name of the page\'s rows, and the version of its template', (_, architecture, rows, template) => {
    const k = kind(lambda.Runtime.PYTHON_3_13, architecture);
    const templateVersion = Number(/:(\d+)$/.exec(template)![1]);
    for (const [region, arn] of rows) {
      const page = parse(arn);
      expect(page.region).toBe(region);
      expect(k.layerName).toBe(page.name);
      const pinned = regionalLayer(k, region);
      expect(pinned).toEqual({ partition: page.partition, account: page.account, version: templateVersion });
      // A table row never names a newer version than the one pinned.
      expect(page.version).toBeLessThanOrEqual(pinned!.version);
    }
    expect(Object.keys(PYTHON_LAYERS[architecture.name].accountByRegion).sort()).toEqual(rows.map(([r]) => r).sort());
  });

  test('the Python versions are the page\'s tabs, and each gets its own layer name', () => {
    expect(PYTHON_LAYER_PYTHON_VERSIONS.map((v) => `Python ${v}`)).toEqual(PYTHON_X86_TABS);
    expect(kind(lambda.Runtime.PYTHON_3_14, lambda.Architecture.ARM_64).layerName).toBe('AWSLambdaPowertoolsPythonV3-python314-arm64');
    expect(kind(lambda.Runtime.PYTHON_3_10, lambda.Architecture.X86_64).layerName).toBe('AWSLambdaPowertoolsPythonV3-python310-x86_64');
  });
});
