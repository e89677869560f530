/**
 * A cdk-nag rule pack the library can check a scope against.
 */
export enum NagPackName {
  /** AWS Solutions (`AwsSolutions-*`). */
  AWS_SOLUTIONS = 'AWS_SOLUTIONS',
  /** Serverless (`Serverless-*`). */
  SERVERLESS = 'SERVERLESS',
  /** HIPAA Security (`HIPAA.Security-*`). */
  HIPAA_SECURITY = 'HIPAA_SECURITY',
  /** NIST 800-53 rev 5 (`NIST.800.53.R5-*`). */
  NIST_800_53_R5 = 'NIST_800_53_R5',
  /** PCI DSS 3.2.1 (`PCI.DSS.321-*`). */
  PCI_DSS_321 = 'PCI_DSS_321',
}
