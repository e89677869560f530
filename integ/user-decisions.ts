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
    noWebAcl: 'Integration test app: no public traffic reaches the test APIs.',
    noApiCache: 'Integration test app: responses depend on the caller and must not be cached.',
  });
}
