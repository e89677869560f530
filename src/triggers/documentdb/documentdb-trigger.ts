import { ArnFormat, Duration, Fn, Stack } from 'aws-cdk-lib';
import * as docdb from 'aws-cdk-lib/aws-docdb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { DOCUMENTDB_DEFAULTS, validateDocumentDbTriggerOptions } from './documentdb-checks';
import { acknowledge, acknowledgeResourceWildcards } from '../../acknowledgements/acknowledge';
import { InvocationAcknowledgement, ResourceWildcardAcknowledgement } from '../../acknowledgements/acknowledgements';
import { Validator } from '../../validation/validator';
import { targetRole, TriggerBinding } from '../private/binding';
import { filterEncryptionKey } from '../private/filter-encryption';
import { grantPollerNetworkInterfaces } from '../private/poller-network';
import { triggerScope } from '../private/trigger-scope';
import { ITrigger, ITriggerTarget, TriggerConfig } from '../trigger';

/**
 * What Amazon DocumentDB sends for an update in the change stream.
 */
export enum DocumentDbFullDocument {
  /** Only the delta of the update (Lambda's default). */
  DEFAULT = 'Default',
  /** The delta and a copy of the whole current document. */
  UPDATE_LOOKUP = 'UpdateLookup',
}

/**
 * The Amazon DocumentDB cluster (instance-based, engine 4.0 or 5.0) whose change stream invokes the
 * function.
 */
export class DocumentDbSource {
  /**
   * A cluster by its ARN.
   *
   * @param clusterArn the cluster ARN (`arn:<partition>:rds:<region>:<account>:cluster:<name>`)
   */
  public static fromClusterArn(clusterArn: string): DocumentDbSource {
    return new DocumentDbSource(clusterArn);
  }

  /**
   * A cluster of `aws-cdk-lib/aws-docdb` (created or imported), in its stack's account and Region.
   *
   * @param cluster the cluster
   */
  public static fromCluster(cluster: docdb.IDatabaseCluster): DocumentDbSource {
    return new DocumentDbSource(Stack.of(cluster).formatArn({
      service: 'rds',
      resource: 'cluster',
      resourceName: cluster.clusterIdentifier,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    }));
  }

  /**
   * @param clusterArn the cluster ARN
   */
  private constructor(
    /** The cluster ARN. */
    public readonly clusterArn: string,
  ) {}
}

/**
 * Options of a DocumentDB trigger.
 */
export interface DocumentDbTriggerOptions {
  /**
   * The database whose change stream is read: 1 to 63 characters, no slash, backslash, period, space, quote or dollar sign.
   */
  readonly databaseName: string;

  /**
   * One collection of the database (1 to 57 characters, no `$`, not `system.*`).
   *
   * @default - every collection of the database
   */
  readonly collectionName?: string;

  /**
   * What DocumentDB sends for an update.
   *
   * @default DocumentDbFullDocument.DEFAULT
   */
  readonly fullDocument?: DocumentDbFullDocument;

  /**
   * The secret with the cluster user's `username` and `password` (BASIC_AUTH), by reference: its
   * value never enters the template. The function's role may read it (and decrypt it with its key).
   */
  readonly credentials: secretsmanager.ISecret;

  /**
   * Where the mapping starts reading the change stream. `LATEST` can miss the events of the minutes
   * the mapping takes to start.
   *
   * @default StartingPosition.TRIM_HORIZON
   */
  readonly startingPosition?: lambda.StartingPosition;

  /**
   * The time (Unix seconds) to start reading from, with `StartingPosition.AT_TIMESTAMP`.
   *
   * @default - none
   */
  readonly startingPositionTimestamp?: number;

  /**
   * How many change events one invocation receives (1 to 10,000).
   *
   * @default 100
   */
  readonly batchSize?: number;

  /**
   * How long Lambda gathers events before invoking (0 to 300 seconds).
   *
   * @default - Lambda's default for DocumentDB (no window)
   */
  readonly maxBatchingWindow?: Duration;

  /**
   * Event filter patterns (`lambda.FilterCriteria.filter(...)`).
   *
   * @default - every change event invokes the function
   */
  readonly filters?: Array<{ [key: string]: any }>;

  /**
   * The cluster's parameter group, so `rds:DescribeDBClusterParameters` names it exactly.
   *
   * @default - every cluster parameter group of the cluster's account and Region (acknowledged)
   */
  readonly clusterParameterGroupName?: string;

  /**
   * The cluster's subnet group, so `rds:DescribeDBSubnetGroups` names it exactly.
   *
   * @default - every subnet group of the cluster's account and Region (acknowledged)
   */
  readonly subnetGroupName?: string;

  /**
   * Whether the mapping starts enabled.
   *
   * @default true
   */
  readonly enabled?: boolean;
}

/**
 * Invokes the function's `live` alias with batches of change events of an Amazon DocumentDB change
 * stream. AWS offers no on-failure destination for DocumentDB: Lambda retries a failing batch until it
 * succeeds or its events expire from the change stream (then Lambda disables the mapping); the
 * function's error and iterator-age alarms report it.
 */
export class DocumentDbTrigger implements ITrigger {
  /** The cluster whose change stream invokes the function. */
  public readonly source: DocumentDbSource;

  private readonly options: DocumentDbTriggerOptions;
  private readonly binding = new TriggerBinding<{ mapping: lambda.EventSourceMapping }>('DocumentDbTrigger');

  /**
   * @param source the cluster
   * @param options the database, collection, credentials and the mapping's settings
   */
  constructor(source: DocumentDbSource, options: DocumentDbTriggerOptions) {
    this.source = source;
    this.options = options;
  }

  /** The event source mapping from the change stream to the `live` alias (available once added to a function). */
  public get mapping(): lambda.EventSourceMapping {
    return this.binding.resources('mapping').mapping;
  }

  /** @inheritdoc */
  public bind(target: ITriggerTarget): TriggerConfig {
    this.binding.claim(target);
    const o = this.options;
    const name = [o?.databaseName, o?.collectionName].filter((n) => typeof n === 'string').join('');
    const scope = triggerScope(target, `DocumentDb${name}`);
    const v = new Validator(scope);
    validateDocumentDbTriggerOptions(v, o, this.source, { timeout: target.timeout });
    v.throwIfAny();

    const mapping = this.createMapping(scope, target);
    const policy = this.grant(target);
    mapping.node.addDependency(policy);
    if (target.role) {
      mapping.node.addDependency(target.role);
    }
    acknowledge(mapping, InvocationAcknowledgement.DOCUMENTDB_ESM_NO_DESTINATION);
    this.binding.record(target, { mapping });
    const where = `${o.databaseName}${o.collectionName ? `.${o.collectionName}` : ''}`;
    return {
      description: `DocumentDB change stream ${where} (no on-failure destination by AWS's design: a failing batch is retried until it succeeds or expires from the change stream)`,
      failureQueues: [],
      // Lambda emits IteratorAge for a DocumentDB mapping: the iterator-age alarm shows a stuck batch.
      readsStream: true,
      eventSourceMappings: [mapping],
    };
  }

  private createMapping(scope: Construct, target: ITriggerTarget): lambda.EventSourceMapping {
    const o = this.options;
    const mapping = new lambda.EventSourceMapping(scope, 'EventSourceMapping', {
      target: target.alias,
      eventSourceArn: this.source.clusterArn,
      batchSize: o.batchSize ?? DOCUMENTDB_DEFAULTS.batchSize,
      maxBatchingWindow: o.maxBatchingWindow,
      startingPosition: o.startingPosition ?? DOCUMENTDB_DEFAULTS.startingPosition,
      startingPositionTimestamp: o.startingPositionTimestamp,
      filters: o.filters,
      filterEncryption: filterEncryptionKey(target, o.filters),
      sourceAccessConfigurations: [{ type: lambda.SourceAccessConfigurationType.BASIC_AUTH, uri: o.credentials.secretArn }],
      enabled: o.enabled,
    });
    const cfn = mapping.node.defaultChild as lambda.CfnEventSourceMapping;
    cfn.documentDbEventSourceConfig = {
      databaseName: o.databaseName,
      collectionName: o.collectionName,
      fullDocument: o.fullDocument ?? DocumentDbFullDocument.DEFAULT,
    };
    return mapping;
  }

  /**
   * The role's statements: the secret by reference (and its key); the network-interface actions on `*`
   * (the role's library policy); the cluster, its parameter group and subnet group in a policy only the
   * trigger writes.
   */
  private grant(target: ITriggerTarget): iam.ManagedPolicy {
    const o = this.options;
    const role = targetRole(target, 'DocumentDbTrigger');
    o.credentials.grantRead(role);
    grantPollerNetworkInterfaces(role);
    // arn:<p>:rds:<r>:<a>:cluster:<name> -> arn:<p>:rds:<r>:<a>:cluster-pg:<group>, ...:subgrp:<group>
    const prefix = Fn.select(0, Fn.split(':cluster:', this.source.clusterArn, 2));
    const arnOf = (kind: string, name: string | undefined) => Fn.join('', [prefix, `:${kind}:`, name ?? '*']);
    const parameterGroup = arnOf('cluster-pg', o.clusterParameterGroupName);
    const subnetGroup = arnOf('subgrp', o.subnetGroupName);
    const policy = new iam.ManagedPolicy(target, `DocumentDbClusterRead${policyIndex(target)}`, {
      description: `Lambda's DocumentDB event source mapping of ${target.node.path} reads its cluster's configuration`,
      roles: [role],
      statements: [
        new iam.PolicyStatement({ actions: ['rds:DescribeDBClusters'], resources: [this.source.clusterArn] }),
        new iam.PolicyStatement({ actions: ['rds:DescribeDBClusterParameters'], resources: [parameterGroup] }),
        new iam.PolicyStatement({ actions: ['rds:DescribeDBSubnetGroups'], resources: [subnetGroup] }),
      ],
    });
    const wildcards = [
      ...(o.clusterParameterGroupName === undefined ? [parameterGroup] : []),
      ...(o.subnetGroupName === undefined ? [subnetGroup] : []),
    ];
    if (wildcards.length > 0) {
      acknowledgeResourceWildcards(policy, ResourceWildcardAcknowledgement.DOCUMENTDB_CLUSTER_GROUPS, wildcards);
    }
    return policy;
  }
}

/** A distinct suffix for each DocumentDB policy of one function (it may read several clusters). */
function policyIndex(target: ITriggerTarget): string {
  const taken = target.node.children.filter((c) => c.node.id.startsWith('DocumentDbClusterRead')).length;
  return taken === 0 ? '' : `${taken + 1}`;
}
