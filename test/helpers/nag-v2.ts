import { Aspects, IAspect } from 'aws-cdk-lib';
import {
  AwsSolutionsChecks,
  HIPAASecurityChecks,
  INagLogger,
  NagLoggerNonComplianceData,
  NagLoggerErrorData,
  NIST80053R5Checks,
  PCIDSS321Checks,
  ServerlessChecks,
} from 'cdk-nag-v2';
import { IConstruct } from 'constructs';
import { Finding } from './nag';

/**
 * Collects what cdk-nag 2.x packs report (unsuppressed findings and rule errors) instead of writing
 * annotations and CSV reports.
 */
export class NagV2Collector implements INagLogger {
  public readonly findings: Finding[] = [];

  public onCompliance(): void {}
  public onSuppressed(): void {}
  public onSuppressedError(): void {}
  public onNotApplicable(): void {}

  public onNonCompliance(data: NagLoggerNonComplianceData): void {
    const rule = data.findingId ? `${data.ruleId}[${data.findingId}]` : data.ruleId;
    this.findings.push({ pack: data.nagPackName, rule, path: data.resource.node.path });
  }

  public onError(data: NagLoggerErrorData): void {
    this.findings.push({ pack: data.nagPackName, rule: `${data.ruleId} (rule error: ${data.errorMessage})`, path: data.resource.node.path });
  }
}

/** The five cdk-nag 2.x packs, reporting to `collector` only (no annotations' effect on the test, no CSV files). */
export function nagV2Packs(collector: NagV2Collector): IAspect[] {
  const props = { reports: false, additionalLoggers: [collector] };
  return [
    new AwsSolutionsChecks(props),
    new ServerlessChecks(props),
    new HIPAASecurityChecks(props),
    new NIST80053R5Checks(props),
    new PCIDSS321Checks(props),
  ];
}

/**
 * Adds the five cdk-nag 2.x packs to `scope` as Aspects (as cdk-nag 2 users do) and returns the collector
 * whose `findings` are filled when the app synthesizes.
 */
export function addNagV2Packs(scope: IConstruct): NagV2Collector {
  const collector = new NagV2Collector();
  for (const pack of nagV2Packs(collector)) {
    Aspects.of(scope).add(pack);
  }
  return collector;
}
