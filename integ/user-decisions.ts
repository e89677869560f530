/// The decisions only the integ apps' owners can make, each with its reason: the library never makes
/// them (see the README's Compliance section). Without them the regulatory packs and checkov report
/// each function outside a VPC, each function without reserved concurrency, each bucket without
/// replication and each table outside a backup plan.
import { IConstruct } from 'constructs';
import { Blueprints } from '../src';

export function acknowledgeUserDecisions(app: IConstruct): void {
  Blueprints.acknowledgeUserDecisions(app, {
    noVpc: 'Integration test app: the functions call AWS service endpoints only.',
    noReservedConcurrency: 'Integration test app: the account concurrency pool is shared.',
    noBucketReplication: 'Integration test app: the objects can be uploaded again.',
    noBackupPlan: 'Integration test app: point-in-time recovery is enough.',
    noWebAcl: 'Integration test app: no real traffic reaches the test APIs and distribution.',
    noApiCache: 'Integration test app: responses depend on the caller and must not be cached.',
    noGeoRestriction: 'Integration test app: the test distribution serves no content restricted by country.',
    noDistributionLogging: 'Integration test app: the test distribution carries no viewer traffic worth logging.',
    noCustomCertificate: 'Integration test app: the test distribution has no domain of its own to certify.',
  });
}
