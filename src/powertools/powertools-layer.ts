import { Aws, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  PublishedLayer, PYTHON_LAYER_PYTHON_VERSIONS, PYTHON_LAYER_VERSION, PYTHON_LAYERS, pythonLayerName,
  TYPESCRIPT_LAYER_NAME, TYPESCRIPT_LAYER_VERSION, TYPESCRIPT_LAYERS,
} from './powertools-layer-versions';
import { isNewestAmong } from '../code/latest-runtime';

/** The modules the TypeScript layer provides: left out of the bundle of a Node.js entry that uses it. @internal */
export const POWERTOOLS_LAYER_MODULES = ['@aws-lambda-powertools/*'];

/** Which official layer a function gets, before the Region is looked at. @internal */
export interface PowertoolsLayerKind {
  /** The layer's name (without account, Region or version). */
  readonly layerName: string;
  /** The published layers of that name, one per partition. */
  readonly published: PublishedLayer[];
  /** The version used where the Region is not known at synth (an environment-agnostic stack). */
  readonly defaultVersion: number;
  /** The commercial partition's publishing account (used where the Region is not known at synth). */
  readonly defaultAccount: string;
  /** Whether it is the TypeScript layer (its modules are left out of the bundle). */
  readonly nodejs: boolean;
}

/**
 * Whether `runtime` is the newest Python the Powertools Python layer is published for (python3.14 today).
 *
 * @internal
 */
export function isNewestPowertoolsPython(runtime: lambda.Runtime): boolean {
  return isNewestAmong(runtime.name, PYTHON_LAYER_PYTHON_VERSIONS.map((v) => `python${v}`));
}

/**
 * The official layer for a runtime and architecture, or a sentence saying why there is none.
 *
 * @internal
 */
export function powertoolsLayerKind(runtime: lambda.Runtime, architecture: lambda.Architecture): PowertoolsLayerKind | string {
  if (runtime.family === lambda.RuntimeFamily.NODEJS) {
    return {
      layerName: TYPESCRIPT_LAYER_NAME,
      published: TYPESCRIPT_LAYERS,
      defaultVersion: TYPESCRIPT_LAYER_VERSION,
      defaultAccount: TYPESCRIPT_LAYERS[0].accountByRegion['us-east-1'],
      nodejs: true,
    };
  }
  if (runtime.family === lambda.RuntimeFamily.PYTHON) {
    const match = /^python(\d+\.\d+)$/.exec(runtime.name);
    if (!match || !PYTHON_LAYER_PYTHON_VERSIONS.includes(match[1])) {
      return `Powertools publishes its Python layer for Python ${PYTHON_LAYER_PYTHON_VERSIONS.join(', ')} only, not ${runtime.name}`;
    }
    const published = PYTHON_LAYERS[architecture.name];
    return {
      layerName: pythonLayerName(match[1], architecture.name),
      published: [published],
      defaultVersion: PYTHON_LAYER_VERSION,
      defaultAccount: published.accountByRegion['us-east-1'],
      nodejs: false,
    };
  }
  return `Powertools publishes official layers for Node.js (TypeScript) and Python only, not ${runtime.name} `
    + '(Java and .NET ship as Maven and NuGet packages)';
}

/** Where a layer is published in a Region: its partition, account and pinned version. @internal */
export interface RegionalLayer {
  readonly partition: string;
  readonly account: string;
  readonly version: number;
}

/** The layer of `kind` in a concrete Region, or undefined where the pages list none. @internal */
export function regionalLayer(kind: PowertoolsLayerKind, region: string): RegionalLayer | undefined {
  for (const p of kind.published) {
    const account = p.accountByRegion[region];
    if (account !== undefined) {
      return { partition: p.partition, account, version: p.versionByRegion[region] };
    }
  }
  return undefined;
}

/**
 * The layer version ARN for a Region (a token in an environment-agnostic stack: then the commercial partition's
 * account and default version, with `AWS::Region`).
 *
 * @internal
 */
export function powertoolsLayerArn(kind: PowertoolsLayerKind, region: string, layerVersion: number | undefined): string {
  if (Token.isUnresolved(region)) {
    return `arn:aws:lambda:${Aws.REGION}:${kind.defaultAccount}:layer:${kind.layerName}:${layerVersion ?? kind.defaultVersion}`;
  }
  const regional = regionalLayer(kind, region);
  if (!regional) {
    throw new Error(`unreachable: no Powertools layer ${kind.layerName} in ${region} (checked before)`);
  }
  return `arn:${regional.partition}:lambda:${region}:${regional.account}:layer:${kind.layerName}:${layerVersion ?? regional.version}`;
}
