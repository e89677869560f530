import { Duration, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { DocumentDbSource, DocumentDbTriggerOptions } from './documentdb-trigger';
import { ErrorCodes } from '../../validation/error-codes';
import { PROP_SHAPES } from '../../validation/prop-shapes.generated';
import { Validator } from '../../validation/validator';
import { seconds } from '../private/duration';
import { checkTriggerOptions } from '../private/option-shapes';
import { validateStartingPositionTimestamp } from '../private/starting-position';

/** The bounded defaults of a DocumentDB trigger. @internal */
export const DOCUMENTDB_DEFAULTS = {
  batchSize: 100,
  startingPosition: lambda.StartingPosition.TRIM_HORIZON,
} as const;

/** Lambda runs DocumentDB (and Kafka, MQ) mappings only for functions whose timeout is at most 14 minutes. */
const MAX_FUNCTION_TIMEOUT_SECONDS = 840;
const CLUSTER_ARN = /^arn:aws[a-z-]*:rds:[a-z0-9-]+:\d{12}:cluster:[a-zA-Z][a-zA-Z0-9-]{0,62}$/;
const DATABASE = /^[^/\\. "$\0]{1,63}$/;
const COLLECTION = /^[^$\0]{1,57}$/;
const PARAMETER_GROUP = /^[a-zA-Z][a-zA-Z0-9.-]{0,254}$/;
const SUBNET_GROUP = /^[a-zA-Z0-9._ -]{1,255}$/;
const FULL_DOCUMENT = ['Default', 'UpdateLookup'];

/**
 * The checks of a DocumentDB trigger (types, the cluster ARN, the database and collection names, the
 * credentials, batching, the starting position, the function's timeout). Creates nothing.
 *
 * @internal
 */
export function validateDocumentDbTriggerOptions(
  v: Validator, o: DocumentDbTriggerOptions, source: DocumentDbSource, fn: { readonly timeout: Duration },
): void {
  // The rules a user most often breaks get their own code before the type check reports them generically.
  validateRequired(v, o ?? ({} as DocumentDbTriggerOptions));
  v.throwIfAny();
  checkTriggerOptions(v, o, PROP_SHAPES.DocumentDbTriggerOptions);
  validateSource(v, source);
  validateNames(v, o);
  v.range(ErrorCodes.LBP_DOCUMENTDB_BATCH_SIZE, 'batchSize', o.batchSize, 1, 10000, { integer: true });
  v.range(ErrorCodes.LBP_BATCHING_WINDOW, 'maxBatchingWindow', seconds(o.maxBatchingWindow), 0, 300, { unit: 'seconds', integer: true });
  const position = o.startingPosition ?? DOCUMENTDB_DEFAULTS.startingPosition;
  validateStartingPositionTimestamp(v, ErrorCodes.LBP_DOCUMENTDB_STARTING_POSITION, position, o.startingPositionTimestamp);
  const timeout = fn.timeout && !Token.isUnresolved(fn.timeout.toSeconds()) ? fn.timeout.toSeconds() : undefined;
  v.failIf(timeout !== undefined && timeout > MAX_FUNCTION_TIMEOUT_SECONDS, {
    code: ErrorCodes.LBP_DOCUMENTDB_FUNCTION_TIMEOUT,
    property: 'timeout',
    value: `${timeout} seconds`,
    limit: 'Lambda runs DocumentDB event source mappings only for functions with a timeout of at most 14 minutes (840 seconds)',
    fix: 'lower the function\'s timeout to 14 minutes or less',
  });
}

function validateRequired(v: Validator, o: DocumentDbTriggerOptions): void {
  v.failIf(o.databaseName === undefined || o.databaseName === null, {
    code: ErrorCodes.LBP_DOCUMENTDB_DATABASE,
    property: 'databaseName',
    value: `${o.databaseName}`,
    limit: 'a DocumentDB event source mapping reads the change stream of one database',
    fix: 'set databaseName',
  });
  v.failIf(o.credentials === undefined || o.credentials === null, {
    code: ErrorCodes.LBP_DOCUMENTDB_CREDENTIALS,
    property: 'credentials',
    value: `${o.credentials}`,
    limit: 'Lambda authenticates to a DocumentDB cluster with BASIC_AUTH: a Secrets Manager secret with username and password',
    fix: 'pass the secret of the cluster user (an ISecret, by reference; e.g. cluster.secret)',
  });
  v.failIf(o.fullDocument !== undefined && !FULL_DOCUMENT.includes(o.fullDocument), {
    code: ErrorCodes.LBP_DOCUMENTDB_FULL_DOCUMENT,
    property: 'fullDocument',
    value: `'${o.fullDocument}'`,
    limit: 'DocumentDB sends Default (the delta) or UpdateLookup (the delta and the whole document)',
    fix: 'use DocumentDbFullDocument.DEFAULT or DocumentDbFullDocument.UPDATE_LOOKUP',
  });
}

function validateSource(v: Validator, source: DocumentDbSource): void {
  const arn = typeof source === 'object' && source !== null ? (source as DocumentDbSource).clusterArn : undefined;
  v.failIf(typeof arn !== 'string' || (!Token.isUnresolved(arn) && !CLUSTER_ARN.test(arn)), {
    code: ErrorCodes.LBP_DOCUMENTDB_SOURCE,
    property: 'source',
    value: typeof arn === 'string' ? `'${arn}'` : `${typeof source}`,
    limit: 'a DocumentDB cluster ARN is arn:<partition>:rds:<region>:<account>:cluster:<name> (name: a letter, then 0-62 letters, digits or hyphens)',
    fix: 'pass DocumentDbSource.fromClusterArn(arn) or DocumentDbSource.fromCluster(cluster)',
  });
}

function validateNames(v: Validator, o: DocumentDbTriggerOptions): void {
  const text = (code: string, property: string, value: unknown, ok: (s: string) => boolean, limit: string, fix: string) => {
    const bad = value !== undefined && (typeof value !== 'string' || (!Token.isUnresolved(value) && !ok(value)));
    v.failIf(bad, { code, property, value: `'${value}'`, limit, fix });
  };
  text(ErrorCodes.LBP_DOCUMENTDB_DATABASE, 'databaseName', o.databaseName, (s) => DATABASE.test(s),
    '1 to 63 characters, none of / \\ . space " $', 'rename the database');
  text(ErrorCodes.LBP_DOCUMENTDB_COLLECTION, 'collectionName', o.collectionName, (s) => COLLECTION.test(s) && !s.startsWith('system.'),
    '1 to 57 characters, no $, not a system.* collection', 'name a collection of the database, or leave it unset for all of them');
  text(ErrorCodes.LBP_DOCUMENTDB_RESOURCE_NAME, 'clusterParameterGroupName', o.clusterParameterGroupName, (s) => PARAMETER_GROUP.test(s),
    'a cluster parameter group name is 1 to 255 letters, digits, periods or hyphens, starting with a letter',
    'use the name of the cluster\'s parameter group (e.g. default.docdb5.0)');
  text(ErrorCodes.LBP_DOCUMENTDB_RESOURCE_NAME, 'subnetGroupName', o.subnetGroupName, (s) => SUBNET_GROUP.test(s),
    'a subnet group name is 1 to 255 letters, digits, periods, underscores, spaces or hyphens', 'use the name of the cluster\'s subnet group');
}
