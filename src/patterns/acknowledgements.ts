/**
 * The cdk-nag findings the patterns acknowledge on the sources they create, each with the reason;
 * listed in docs/triggers-async.md.
 *
 * @internal
 */
export const PatternAcknowledgement = {
  /** S3 server access log delivery only writes to SSE-S3 buckets; a log bucket does not log itself. */
  ACCESS_LOG_BUCKET_SSE_S3: {
    ids: ['HIPAA.Security-S3DefaultEncryptionKMS', 'NIST.800.53.R5-S3DefaultEncryptionKMS', 'PCI.DSS.321-S3DefaultEncryptionKMS'],
    checkov: ['CKV_AWS_18'],
    reason:
      'This bucket receives S3 server access logs, and S3 log delivery only supports target buckets encrypted ' +
      'with SSE-S3 (AES256), not SSE-KMS; it is encrypted, TLS-only, versioned and private. It is the end of ' +
      'the logging chain: logging a log bucket to itself would log its own log deliveries.',
  },
  /** The table is encrypted with the AWS managed DynamoDB key unless the user passes one. */
  TABLE_AWS_MANAGED_KEY: {
    ids: [],
    checkov: ['CKV_AWS_119'],
    reason:
      'The table is encrypted at rest with the AWS managed key aws/dynamodb (KMS, audited in CloudTrail). ' +
      'Pass encryptionKey for a customer-managed key when a policy requires one.',
  },
} as const;
