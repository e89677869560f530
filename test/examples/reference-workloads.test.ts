import { App, Environment, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { acknowledgeUserDecisions, REFERENCE_WORKLOADS } from '../../examples/reference-workloads';
import { checkFailurePaths } from '../helpers/failure-paths';
import { nagFindings } from '../helpers/nag';

const env: Environment = { account: '123456789012', region: 'us-east-1' };
const workloads: Array<[string, (app: App, e: Environment) => Stack]> = REFERENCE_WORKLOADS.map((w) => [w.name, w.build]);

describe.each(workloads)('reference workload %s', (_name, build) => {
  const app = new App();
  acknowledgeUserDecisions(app);
  const stack = build(app, env);

  test('zero unacknowledged findings under all five cdk-nag packs (with the app owners\' decisions)', () => {
    expect(nagFindings(stack, {})).toEqual([]);
  });

  test('every event path ends in a 14-day, encrypted, TLS-only, alarmed sink with finite retries', () => {
    const report = checkFailurePaths(Template.fromStack(stack).toJSON());
    expect(report.problems).toEqual([]);
    expect(report.paths.length).toBeGreaterThanOrEqual(1);
  });
});
