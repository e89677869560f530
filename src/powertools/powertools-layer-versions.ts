/**
 * The official Powertools for AWS Lambda layers, pinned: the layer version of each Region is known when the
 * app synthesizes, never resolved at deploy time (no SSM "latest"), so a template does not drift between
 * deploys. Each value comes from the Powertools documentation named beside it (read 2026-12-07);
 * test/powertools/layer-versions.test.ts checks this table against those pages' values. See docs/powertools.md.
 *
 * Java and .NET: Powertools ships them as Maven and NuGet packages; their docs publish no official layer
 * (not found in the Powertools docs searched, so "unverified" that none exists). Ruby and other runtimes
 * have no Powertools at all.
 *
 * @internal
 */

/** One published layer of one partition: its account, and the version per Region. @internal */
export interface PublishedLayer {
  /** The ARN partition (`aws`, `aws-us-gov`, `aws-cn`). */
  readonly partition: string;
  /** The AWS account that publishes the layer in each Region. */
  readonly accountByRegion: { readonly [region: string]: string };
  /** The pinned layer version in each Region (the newest the page lists there). */
  readonly versionByRegion: { readonly [region: string]: number };
}

/**
 * The Regions the TypeScript page lists in the commercial partition (layer version 48 except where the
 * page says new versions are paused).
 */
const TYPESCRIPT_COMMERCIAL_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ap-south-1', 'ap-south-2', 'ap-east-1', 'ap-northeast-1',
  'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4',
  'ap-southeast-5', 'ap-southeast-7', 'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3',
  'eu-north-1', 'eu-south-1', 'eu-south-2', 'ca-central-1', 'ca-west-1', 'sa-east-1', 'af-south-1', 'me-south-1',
  'me-central-1', 'il-central-1', 'mx-central-1',
];

/** The TypeScript layer's version, the same in every Region the page lists except those below. @internal */
export const TYPESCRIPT_LAYER_VERSION = 48;

/** Regions where the TypeScript page says new layer versions are paused ("service disruptions"), with their newest. */
const TYPESCRIPT_PAUSED: { readonly [region: string]: number } = { 'me-south-1': 46, 'me-central-1': 45 };

/**
 * `AWSLambdaPowertoolsTypeScriptV2`: one layer for both architectures (the page lists one ARN per Region, and
 * its sample `get-layer-version-by-arn` output names `arm64` and `x86_64` as compatible).
 * Source: https://docs.aws.amazon.com/powertools/typescript/latest/getting-started/lambda-layers
 *
 * @internal
 */
export const TYPESCRIPT_LAYER_NAME = 'AWSLambdaPowertoolsTypeScriptV2';

/** @internal */
export const TYPESCRIPT_LAYERS: PublishedLayer[] = [
  {
    partition: 'aws',
    accountByRegion: Object.fromEntries(TYPESCRIPT_COMMERCIAL_REGIONS.map((r) => [r, '094274105915'])),
    versionByRegion: Object.fromEntries(TYPESCRIPT_COMMERCIAL_REGIONS.map((r) => [r, TYPESCRIPT_PAUSED[r] ?? TYPESCRIPT_LAYER_VERSION])),
  },
  {
    partition: 'aws-us-gov',
    accountByRegion: { 'us-gov-west-1': '165093116878', 'us-gov-east-1': '165087284144' },
    versionByRegion: { 'us-gov-west-1': TYPESCRIPT_LAYER_VERSION, 'us-gov-east-1': TYPESCRIPT_LAYER_VERSION },
  },
  {
    partition: 'aws-cn',
    accountByRegion: { 'cn-north-1': '498634801083' },
    versionByRegion: { 'cn-north-1': TYPESCRIPT_LAYER_VERSION },
  },
];

/** The Python layer's version, for both architectures. @internal */
export const PYTHON_LAYER_VERSION = 27;

/** The Python versions the pages list a layer for (`python39` ... `python314` in the layer name). @internal */
export const PYTHON_LAYER_PYTHON_VERSIONS = ['3.9', '3.10', '3.11', '3.12', '3.13', '3.14'];

/** The commercial Regions the Python x86_64 page lists. */
const PYTHON_X86_REGIONS = [
  'af-south-1', 'ap-east-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7',
  'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1',
  'eu-west-2', 'eu-west-3', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1', 'sa-east-1', 'us-east-1',
  'us-east-2', 'us-west-1', 'us-west-2',
];

/** The commercial Regions the Python arm64 page lists (the x86_64 ones but `ca-west-1`). */
const PYTHON_ARM64_REGIONS = PYTHON_X86_REGIONS.filter((r) => r !== 'ca-west-1');

/**
 * `AWSLambdaPowertoolsPythonV3-<python>-<arch>`: one layer per Python version and architecture, commercial
 * partition only here (the GovCloud and China Python layers are not in this table: unverified).
 * Source: https://docs.aws.amazon.com/powertools/python/latest/ (Lambda layer tables, x86_64 and arm64).
 *
 * @internal
 */
export const PYTHON_LAYERS: { readonly [architecture: string]: PublishedLayer } = {
  x86_64: {
    partition: 'aws',
    accountByRegion: Object.fromEntries(PYTHON_X86_REGIONS.map((r) => [r, '017000801446'])),
    versionByRegion: Object.fromEntries(PYTHON_X86_REGIONS.map((r) => [r, PYTHON_LAYER_VERSION])),
  },
  arm64: {
    partition: 'aws',
    accountByRegion: Object.fromEntries(PYTHON_ARM64_REGIONS.map((r) => [r, '017000801446'])),
    versionByRegion: Object.fromEntries(PYTHON_ARM64_REGIONS.map((r) => [r, PYTHON_LAYER_VERSION])),
  },
};

/** The Python layer's name for a Python version (`3.12`) and architecture (`arm64`, `x86_64`). @internal */
export function pythonLayerName(pythonVersion: string, architecture: string): string {
  return `AWSLambdaPowertoolsPythonV3-python${pythonVersion.replace('.', '')}-${architecture}`;
}
