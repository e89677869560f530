import { UserDecisions } from '../user-decisions';

/** One decision: its property, what it is about and the finding ids it acknowledges. */
export interface DecisionSpec {
  readonly property: keyof UserDecisions;
  readonly what: string;
  readonly ids: string[];
  /** The AWS Control Tower proactive controls it acknowledges (see control-tower-controls.ts). */
  readonly controlTower: string[];
}

/** Which findings each decision covers. @internal */
export const USER_DECISION_FINDINGS: readonly DecisionSpec[] = [
  {
    property: 'noVpc',
    what: 'functions outside a VPC',
    ids: ['HIPAA.Security-LambdaInsideVPC', 'NIST.800.53.R5-LambdaInsideVPC', 'PCI.DSS.321-LambdaInsideVPC'],
    controlTower: ['CT.LAMBDA.PR.3'],
  },
  {
    property: 'noReservedConcurrency',
    what: 'functions without reserved concurrency',
    ids: ['HIPAA.Security-LambdaConcurrency', 'NIST.800.53.R5-LambdaConcurrency'],
    controlTower: [],
  },
  {
    property: 'noBucketReplication',
    what: 'buckets without cross-Region or cross-account replication',
    ids: ['HIPAA.Security-S3BucketReplicationEnabled', 'NIST.800.53.R5-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled'],
    controlTower: [],
  },
  {
    property: 'noBackupPlan',
    what: 'tables in no AWS Backup plan',
    ids: ['HIPAA.Security-DynamoDBInBackupPlan', 'NIST.800.53.R5-DynamoDBInBackupPlan'],
    controlTower: [],
  },
  {
    property: 'noWebAcl',
    what: 'REST API stages without a web ACL',
    ids: ['AwsSolutions-APIG3', 'NIST.800.53.R5-APIGWAssociatedWithWAF', 'PCI.DSS.321-APIGWAssociatedWithWAF'],
    controlTower: [],
  },
  {
    property: 'noApiCache',
    what: 'REST API stages without a response cache',
    ids: ['HIPAA.Security-APIGWCacheEnabledAndEncrypted', 'NIST.800.53.R5-APIGWCacheEnabledAndEncrypted', 'PCI.DSS.321-APIGWCacheEnabledAndEncrypted'],
    controlTower: [],
  },
  {
    property: 'shortLogRetention',
    what: 'log groups kept less than one year',
    ids: [],
    controlTower: ['CT.CLOUDWATCH.PR.2'],
  },
  {
    property: 'noObjectLock',
    what: 'buckets without S3 Object Lock',
    ids: [],
    controlTower: ['CT.S3.PR.9'],
  },
];
