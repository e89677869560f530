import { UserDecisions } from '../user-decisions';

/**
 * One decision: its property, what it is about, the cdk-nag finding ids it acknowledges and the checkov
 * checks and AWS Control Tower controls it covers. The one registry of the decisions: the acknowledgements, the template metadata and
 * the lists in the docs (test/docs/user-decisions.test.ts) all come from it.
 */
export interface DecisionSpec {
  readonly property: keyof UserDecisions;
  readonly what: string;
  readonly ids: string[];
  readonly checkov: string[];
  /** The AWS Control Tower proactive controls it acknowledges (see control-tower-controls.ts). */
  readonly controlTower: string[];
}

/** Which findings each decision covers. @internal */
export const USER_DECISION_FINDINGS: readonly DecisionSpec[] = [
  {
    property: 'noVpc',
    what: 'functions outside a VPC',
    ids: ['HIPAA.Security-LambdaInsideVPC', 'NIST.800.53.R5-LambdaInsideVPC', 'PCI.DSS.321-LambdaInsideVPC'],
    checkov: ['CKV_AWS_117'],
    controlTower: ['CT.LAMBDA.PR.3'],
  },
  {
    property: 'noReservedConcurrency',
    what: 'functions without reserved concurrency',
    ids: ['HIPAA.Security-LambdaConcurrency', 'NIST.800.53.R5-LambdaConcurrency'],
    checkov: ['CKV_AWS_115'],
    controlTower: [],
  },
  {
    property: 'noBucketReplication',
    what: 'buckets without cross-Region or cross-account replication',
    ids: ['HIPAA.Security-S3BucketReplicationEnabled', 'NIST.800.53.R5-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled'],
    checkov: [],
    controlTower: [],
  },
  {
    property: 'noBackupPlan',
    what: 'tables in no AWS Backup plan',
    ids: ['HIPAA.Security-DynamoDBInBackupPlan', 'NIST.800.53.R5-DynamoDBInBackupPlan'],
    checkov: [],
    controlTower: [],
  },
  {
    property: 'noWebAcl',
    what: 'REST API stages and CloudFront distributions without a web ACL',
    ids: ['AwsSolutions-APIG3', 'NIST.800.53.R5-APIGWAssociatedWithWAF', 'PCI.DSS.321-APIGWAssociatedWithWAF', 'AwsSolutions-CFR2'],
    checkov: ['CKV_AWS_68'],
    controlTower: [],
  },
  {
    property: 'noApiCache',
    what: 'REST API stages without a response cache',
    ids: ['HIPAA.Security-APIGWCacheEnabledAndEncrypted', 'NIST.800.53.R5-APIGWCacheEnabledAndEncrypted', 'PCI.DSS.321-APIGWCacheEnabledAndEncrypted'],
    checkov: ['CKV_AWS_120'],
    controlTower: [],
  },
  {
    property: 'noGeoRestriction',
    what: 'CloudFront distributions without geo restrictions',
    ids: ['AwsSolutions-CFR1'],
    checkov: [],
    controlTower: [],
  },
  {
    property: 'noDistributionLogging',
    what: 'CloudFront distributions without access logs',
    ids: ['AwsSolutions-CFR3'],
    checkov: ['CKV_AWS_86'],
    controlTower: [],
  },
  {
    property: 'noCustomCertificate',
    what: 'CloudFront distributions with the default certificate',
    ids: ['AwsSolutions-CFR4'],
    checkov: ['CKV_AWS_174'],
    controlTower: [],
  },
  {
    property: 'shortLogRetention',
    what: 'log groups kept less than one year',
    ids: [],
    checkov: [],
    controlTower: ['CT.CLOUDWATCH.PR.2'],
  },
  {
    property: 'noObjectLock',
    what: 'buckets without S3 Object Lock',
    ids: [],
    checkov: [],
    controlTower: ['CT.S3.PR.9'],
  },
];
