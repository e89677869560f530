/**
 * The cdk-nag findings the patterns acknowledge on the sources they create, each with the reason;
 * listed in docs/triggers-async.md.
 *
 * @internal
 */
export const PatternAcknowledgement = {
  /** Replication needs a destination bucket in another Region or account: only the user has one. */
  BUCKET_REPLICATION: {
    ids: ['HIPAA.Security-S3BucketReplicationEnabled', 'NIST.800.53.R5-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled'],
    reason:
      'Cross-Region or cross-account replication needs a destination bucket (and its key and role) that only the ' +
      'user can provide; the bucket is versioned, so a replication rule can be added without other changes.',
  },
  /** S3 server access log delivery only writes to SSE-S3 buckets; a log bucket does not log itself. */
  ACCESS_LOG_BUCKET_SSE_S3: {
    ids: ['HIPAA.Security-S3DefaultEncryptionKMS', 'NIST.800.53.R5-S3DefaultEncryptionKMS', 'PCI.DSS.321-S3DefaultEncryptionKMS'],
    checkov: ['CKV_AWS_18'],
    reason:
      'This bucket receives S3 server access logs, and S3 log delivery only supports target buckets encrypted ' +
      'with SSE-S3 (AES256), not SSE-KMS; it is encrypted, TLS-only, versioned and private. It is the end of ' +
      'the logging chain: logging a log bucket to itself would log its own log deliveries.',
  },
  /** A backup plan belongs to the account's backup strategy; PITR is on. */
  /** The table is encrypted with the AWS managed DynamoDB key unless the user passes one. */
  TABLE_AWS_MANAGED_KEY: {
    ids: [],
    checkov: ['CKV_AWS_119'],
    reason:
      'The table is encrypted at rest with the AWS managed key aws/dynamodb (KMS, audited in CloudTrail). ' +
      'Pass encryptionKey for a customer-managed key when a policy requires one.',
  },
  TABLE_BACKUP_PLAN: {
    ids: ['HIPAA.Security-DynamoDBInBackupPlan', 'NIST.800.53.R5-DynamoDBInBackupPlan'],
    reason:
      'Point-in-time recovery is on (35 days of continuous backups). An AWS Backup plan needs a vault, a retention ' +
      'policy and a service role that only the user (often an organization-wide backup policy) can choose, and ' +
      'CDK\'s BackupSelection role uses an AWS managed policy (AwsSolutions-IAM4). Add the table to your backup plan.',
  },
} as const;
