/**
 * Decisions only you can make, each with your reason. A decision you give acknowledges the matching
 * findings of the cdk-nag packs (mostly the regulatory HIPAA Security, NIST 800-53 rev 5 and PCI DSS 3.2.1) for a
 * whole scope, with your reason; a decision you leave out is reported like any other finding. The
 * library never makes these decisions for you.
 */
export interface UserDecisions {
  /**
   * Why the functions of the scope run outside a VPC. Acknowledges `LambdaInsideVPC` (HIPAA, NIST,
   * PCI), checkov's CKV_AWS_117 and AWS Control Tower's CT.LAMBDA.PR.3 on functions without a VPC.
   *
   * @default - not acknowledged: each function outside a VPC is reported
   */
  readonly noVpc?: string;

  /**
   * Why the functions of the scope have no reserved concurrency. Acknowledges `LambdaConcurrency`
   * (HIPAA, NIST) and checkov's CKV_AWS_115 on functions without one.
   *
   * @default - not acknowledged: each function without reserved concurrency is reported
   */
  readonly noReservedConcurrency?: string;

  /**
   * Why the buckets of the scope are not replicated to another Region or account. Acknowledges
   * `S3BucketReplicationEnabled` (HIPAA, NIST, PCI).
   *
   * @default - not acknowledged: each bucket without replication is reported
   */
  readonly noBucketReplication?: string;

  /**
   * Why the tables of the scope are in no AWS Backup plan (for example: an organization-wide backup
   * policy selects them by tag, or point-in-time recovery is enough). Acknowledges
   * `DynamoDBInBackupPlan` (HIPAA, NIST).
   *
   * @default - not acknowledged: each table outside a backup plan is reported
   */
  readonly noBackupPlan?: string;

  /**
   * Why the REST API stages and CloudFront distributions of the scope have no AWS WAF web ACL.
   *
   * Acknowledges `AwsSolutions-APIG3` and `APIGWAssociatedWithWAF` (NIST, PCI) on stages without one
   * (`Trigger.restApi` without `webAclArn`), and `AwsSolutions-CFR2` and checkov's CKV_AWS_68 on
   * distributions without one: a web ACL's rules and monthly cost are your application's decision.
   *
   * @default - not acknowledged: each REST API stage and distribution without a web ACL is reported
   */
  readonly noWebAcl?: string;

  /**
   * Why the REST API stages of the scope have no (encrypted) response cache. Acknowledges
   * `APIGWCacheEnabledAndEncrypted` (HIPAA, NIST, PCI) and checkov's CKV_AWS_120: a cache is a cluster
   * billed by the hour that serves cached responses to other callers, so only you can decide it is safe.
   *
   * @default - not acknowledged: each REST API stage without a cache is reported
   */
  readonly noApiCache?: string;

  /**
   * Why the CloudFront distributions of the scope serve every country.
   *
   * Acknowledges `AwsSolutions-CFR1` on distributions without geo restrictions: which countries may
   * reach your content is your application's (and your lawyers') decision.
   *
   * @default - not acknowledged: each distribution without geo restrictions is reported
   */
  readonly noGeoRestriction?: string;

  /**
   * Why the CloudFront distributions of the scope write no standard access logs.
   *
   * Acknowledges `AwsSolutions-CFR3` and checkov's CKV_AWS_86 on distributions without logging: a
   * log bucket, its retention and who may read viewers' IP addresses are your decisions.
   *
   * @default - not acknowledged: each distribution without access logs is reported
   */
  readonly noDistributionLogging?: string;

  /**
   * Why the CloudFront distributions of the scope use the default `*.cloudfront.net` certificate.
   *
   * Acknowledges `AwsSolutions-CFR4` and checkov's CKV_AWS_174 on distributions without a custom
   * certificate: with the default certificate CloudFront accepts TLS 1.0 from viewers, and only
   * a domain and an ACM certificate of yours let a distribution require TLS 1.2.
   *
   * @default - not acknowledged: each distribution with the default certificate is reported
   */
  readonly noCustomCertificate?: string;

  /**
   * Why log groups of the scope keep logs less than one year. Acknowledges AWS Control Tower's
   * CT.CLOUDWATCH.PR.2 on log groups given a shorter `logRetention` or `accessLogRetention` (the library
   * keeps logs one year by default).
   *
   * @default - not acknowledged: each log group kept less than a year is reported by the Control Tower check
   */
  readonly shortLogRetention?: string;

  /**
   * Why the buckets of the scope have no S3 Object Lock. Acknowledges AWS Control Tower's CT.S3.PR.9:
   * Object Lock makes objects undeletable for a retention period, which only the data's owner can decide.
   *
   * @default - not acknowledged: each bucket without Object Lock is reported by the Control Tower check
   */
  readonly noObjectLock?: string;
}
