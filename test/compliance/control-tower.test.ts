import * as fs from 'fs';
import * as path from 'path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { App, Duration, IPolicyValidationPluginBeta1, PolicyValidationPluginReportBeta1, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import {
  BlueprintStack, Blueprints, BucketProcessor, FailureQueue, FunctionCode, HttpApiFunction,
  ServerlessFunction, Trigger,
} from '../../src';
import { CONTROL_TOWER_CONTROLS } from '../../src/compliance/private/control-tower-controls';
import * as controlTowerPlugin from '../../src/compliance/private/control-tower-plugin';
import { USER_DECISION_FINDINGS } from '../../src/compliance/private/user-decision-findings';
import { BlueprintValidationError } from '../../src/validation/blueprint-error';
import { HANDLER_DIR, TEST_ENV } from '../helpers/template';

/** An app whose validation failures are reported without setting the process exit code (jest shares the process). */
function quietApp(): App {
  return new App({ context: { '@aws-cdk/core:failSynthOnValidationErrors': false } });
}

afterEach(() => {
  process.exitCode = undefined;
});

/** Synthesizes the app and runs its Control Tower plugin (registered by applyTo) over every template. */
function controlTowerReport(app: App): PolicyValidationPluginReportBeta1 & { findings: string[] } {
  const plugin = (app as any)._validationPlugins.find((p: any) => p.name === 'cdk-validator-cfnguard');
  expect(plugin).toBeDefined();
  // aws-cdk-lib runs it at synth (printing the report; the quiet app leaves the exit code alone); run it
  // again over the assembly to read the report.
  const assembly = app.synth();
  const report = plugin.validate({ templatePaths: assembly.stacks.map((s) => s.templateFullPath) });
  const findings = report.violations.flatMap((v: any) => v.violatingResources.map((r: any) => `${v.ruleName} ${r.resourceLogicalId}`)).sort();
  return { ...report, findings };
}

const code = () => FunctionCode.fromAsset(HANDLER_DIR);

describe('library resources meet the controls by default', () => {
  test('CT.CLOUDWATCH.PR.2: function and API access log groups keep logs one year', () => {
    const stack = new Stack(new App(), 'S', { env: TEST_ENV });
    new HttpApiFunction(stack, 'Api', { code: code(), triggerOptions: { routes: ['GET /items'] } });
    const groups = Template.fromStack(stack).findResources('AWS::Logs::LogGroup');
    expect(Object.keys(groups)).toHaveLength(2);
    for (const group of Object.values(groups)) {
      expect(group.Properties.RetentionInDays).toBe(365);
    }
  });

  test('CT.SQS.PR.1: a FailureQueue declares itself a dead-letter queue (RedriveAllowPolicy allowAll)', () => {
    const stack = new Stack(new App(), 'S', { env: TEST_ENV });
    new FailureQueue(stack, 'Sink', { purpose: 'tests' });
    Template.fromStack(stack).hasResourceProperties('AWS::SQS::Queue', {
      RedriveAllowPolicy: { redrivePermission: 'allowAll' },
    });
  });

  test('CT.KMS.PR.3: the BlueprintKey denies kms:CreateGrant unless for an AWS resource or by an AWS service', () => {
    const stack = new Stack(new App(), 'S', { env: TEST_ENV });
    new ServerlessFunction(stack, 'Fn', { code: code() });
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([{
          Sid: 'DenyGrantsExceptForAwsResources',
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 'kms:CreateGrant',
          Resource: '*',
          Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
        }]),
      },
    });
  });

  test('CT.LAMBDA.PR.2: API Gateway invoke permissions carry the stack\'s account as SourceAccount', () => {
    const stack = new Stack(new App(), 'S', { env: TEST_ENV });
    const fn = new ServerlessFunction(stack, 'Fn', { code: code(), timeout: Duration.seconds(10) });
    fn.addTrigger(Trigger.restApi({ routes: ['GET /items'] }));
    fn.addTrigger(Trigger.httpApi({ routes: ['GET /items'] }));
    const permissions = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Permission', {
      Properties: { Principal: 'apigateway.amazonaws.com' },
    }));
    expect(permissions.length).toBeGreaterThanOrEqual(2);
    for (const p of permissions) {
      expect(p.Properties.SourceAccount).toBe(TEST_ENV.account);
    }
  });

  test('a SourceAccount set on an API Gateway permission is kept', () => {
    const stack = new Stack(new App(), 'S', { env: TEST_ENV });
    const fn = new ServerlessFunction(stack, 'Fn', { code: code() });
    fn.addTrigger(Trigger.httpApi({ routes: ['GET /items'] }));
    const permission = stack.node.findAll().find((c) => c instanceof lambda.CfnPermission) as lambda.CfnPermission;
    permission.sourceAccount = '210987654321';
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Permission', { SourceAccount: '210987654321' });
  });

  test('CT.S3.PR.3/4/6: BucketProcessor\'s buckets are versioned with an enabled lifecycle rule and event notifications', () => {
    const stack = new Stack(new App(), 'S', { env: TEST_ENV });
    new BucketProcessor(stack, 'Images', { code: code() });
    const buckets = Template.fromStack(stack).findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(2);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(bucket.Properties.LifecycleConfiguration.Rules).toEqual([
        { Id: 'AbortIncompleteMultipartUploads', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 }, Status: 'Enabled' },
      ]);
      expect(bucket.Properties.NotificationConfiguration).toEqual({ EventBridgeConfiguration: { EventBridgeEnabled: true } });
    }
  });
});

describe('Blueprints.applyTo({ controlTower }) runs the controls at synth', () => {
  test('controlTower: true finds the installed validator and reports what is not a documented exception', () => {
    const app = quietApp();
    const stack = new Stack(app, 'S', { env: TEST_ENV });
    new ServerlessFunction(stack, 'Fn', { code: code(), logRetention: logs.RetentionDays.ONE_WEEK });
    new sqs.Queue(stack, 'MyQueue', { encryption: sqs.QueueEncryption.SQS_MANAGED });
    Blueprints.applyTo(stack, { nagPacks: [], controlTower: true });
    const report = controlTowerReport(app);
    expect(report.success).toBe(false);
    // No decision given: the function outside a VPC and the short retention are reported; so is the
    // user's own queue without a dead-letter queue. The library's FailureQueue is not.
    expect(report.findings).toEqual([
      `cloudwatch_log_group_retention_period_check ${logicalId(stack, 'Fn/LogGroup')}`,
      `lambda_inside_vpc_check ${logicalId(stack, 'Fn/Function')}`,
      `sqs_dlq_check ${logicalId(stack, 'MyQueue')}`,
    ].sort());
    const violating = report.violations.flatMap((v: any) => v.violatingResources);
    expect(violating.find((r: any) => r.resourceLogicalId === logicalId(stack, 'MyQueue')).constructPath).toBe('S/MyQueue/Resource');
  });

  test('the user decisions given on the scope or above acknowledge their controls', () => {
    const app = quietApp();
    Blueprints.acknowledgeUserDecisions(app, { noVpc: 'The functions call public AWS endpoints only.' });
    const stack = new Stack(app, 'S', { env: TEST_ENV });
    new ServerlessFunction(stack, 'Fn', { code: code(), logRetention: logs.RetentionDays.ONE_WEEK });
    Blueprints.applyTo(stack, {
      nagPacks: [], controlTower: true, userDecisions: { shortLogRetention: 'Debug logs only; the audit trail is in CloudTrail.' },
    });
    expect(controlTowerReport(app).findings).toEqual([]);
  });

  test('a default BucketProcessor reports only Object Lock (a user decision) until it is given', () => {
    for (const noObjectLock of [undefined, 'Uploads are re-creatable from their source; nothing must be immutable.']) {
      const app = quietApp();
      const stack = new BlueprintStack(app, 'S', {
        env: TEST_ENV, nagPacks: [], controlTower: true, userDecisions: { noVpc: 'The function calls S3 only.', noObjectLock },
      });
      new BucketProcessor(stack, 'Images', { code: code() });
      const findings = controlTowerReport(app).findings;
      expect(findings).toEqual(noObjectLock ? [] : [
        `s3_bucket_object_lock_enabled_check ${logicalId(stack, 'Images/AccessLogs/Resource')}`,
        `s3_bucket_object_lock_enabled_check ${logicalId(stack, 'Images/Bucket/Resource')}`,
      ].sort());
    }
  });

  test('a validator instance (as Python and Java pass one) is used in any language', () => {
    const app = quietApp();
    const stack = new Stack(app, 'S', { env: TEST_ENV });
    new ServerlessFunction(stack, 'Fn', { code: code() });
    const calls: string[][] = [];
    const validator = new CfnGuardValidator();
    const spy: IPolicyValidationPluginBeta1 = {
      name: validator.name,
      validate: (context) => {
        calls.push(context.templatePaths);
        return validator.validate(context);
      },
    };
    Blueprints.applyTo(stack, { nagPacks: [], controlTowerValidator: spy, userDecisions: { noVpc: 'The function calls S3 only.' } });
    expect(controlTowerReport(app).findings).toEqual([]);
    expect(calls.length).toBeGreaterThanOrEqual(1);
    for (const paths of calls) {
      expect(paths.map((p) => p.split('/').pop())).toEqual(['S.template.json']);
    }
  });

  test('only the scope\'s stacks and resources are checked', () => {
    const app = quietApp();
    const checked = new Stack(app, 'Checked', { env: TEST_ENV });
    const other = new Stack(app, 'Other', { env: TEST_ENV });
    new sqs.Queue(other, 'Unchecked');
    new sqs.Queue(checked, 'Outside');
    const inner = new FailureQueue(checked, 'Inner', { purpose: 'tests' });
    Blueprints.applyTo(inner, {
      nagPacks: [], controlTower: true, dashboard: false, costReport: false, resourceBudget: false, hardenPlainFunctions: false,
    });
    expect(controlTowerReport(app).findings).toEqual([]);
  });

  test('a finding you mean can be acknowledged app-wide with aws-cdk-lib, as the docs say', () => {
    const reported = (acknowledged: boolean) => {
      const app = quietApp();
      const stack = new Stack(app, 'S', { env: TEST_ENV });
      new sqs.Queue(stack, 'MyQueue', { encryption: sqs.QueueEncryption.SQS_MANAGED });
      Blueprints.applyTo(stack, { nagPacks: [], controlTower: true, dashboard: false, costReport: false, resourceBudget: false });
      if (acknowledged) {
        Validations.of(app).acknowledge({ id: 'cdk-validator-cfnguard::sqs_dlq_check', reason: 'The queue is a buffer whose consumer never fails.' });
      }
      const assembly = app.synth();
      const report = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'policy-validation-report.json'), 'utf8'));
      return report.pluginReports
        .filter((r: any) => r.summary.pluginName === 'cdk-validator-cfnguard')
        .flatMap((r: any) => r.violations.map((v: any) => v.ruleName));
    };
    expect(reported(false)).toEqual(['sqs_dlq_check']);
    expect(reported(true)).toEqual([]);
  });

  test('LBP_CONTROL_TOWER: controlTower: false with a validator is contradictory, and nothing is applied', () => {
    const app = quietApp();
    const stack = new Stack(app, 'S', { env: TEST_ENV });
    const call = () => Blueprints.applyTo(stack, { controlTower: false, controlTowerValidator: new CfnGuardValidator() });
    expect(call).toThrow(BlueprintValidationError);
    expect(call).toThrow(/LBP_CONTROL_TOWER.*controlTower.*false.*drop controlTowerValidator/s);
    expect((app as any)._validationPlugins).toEqual([]);
  });

  test('LBP_CONTROL_TOWER: controlTower: true without the package installed names how to install it', () => {
    const discover = jest.spyOn(controlTowerPlugin, 'discoverControlTowerValidator').mockReturnValue(undefined);
    try {
      const app = quietApp();
      const stack = new Stack(app, 'S', { env: TEST_ENV });
      const call = () => Blueprints.applyTo(stack, { controlTower: true });
      expect(call).toThrow(BlueprintValidationError);
      expect(call).toThrow(/LBP_CONTROL_TOWER[\s\S]*npm install --save-dev @cdklabs\/cdk-validator-cfnguard[\s\S]*controlTowerValidator/);
      expect((app as any)._validationPlugins).toEqual([]);
    } finally {
      discover.mockRestore();
    }
  });

  test('the validator is found only where the package can be loaded', () => {
    expect(controlTowerPlugin.discoverControlTowerValidator()?.name).toBe('cdk-validator-cfnguard');
    jest.isolateModules(() => {
      jest.doMock('@cdklabs/cdk-validator-cfnguard', () => {
        throw new Error("Cannot find module '@cdklabs/cdk-validator-cfnguard'");
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const isolated = require('../../src/compliance/private/control-tower-plugin');
      expect(isolated.discoverControlTowerValidator()).toBeUndefined();
    });
  });

  test('a wrongly typed option is LBP_PROP_TYPE', () => {
    const stack = new Stack(quietApp(), 'S', { env: TEST_ENV });
    expect(() => Blueprints.applyTo(stack, { controlTower: 'yes' as any })).toThrow(/LBP_PROP_TYPE[\s\S]*controlTower/);
    expect(() => Blueprints.applyTo(stack, { controlTowerValidator: 'CfnGuardValidator' as any })).toThrow(/LBP_PROP_TYPE[\s\S]*controlTowerValidator/);
  });
});

describe('the registry', () => {
  test('every user decision the registry names exists, and acknowledges the control that names it', () => {
    for (const control of CONTROL_TOWER_CONTROLS) {
      for (const exception of control.exceptions.filter((e) => e.decision !== undefined)) {
        const spec = USER_DECISION_FINDINGS.find((d) => d.property === exception.decision);
        expect(spec?.controlTower).toContain(control.id);
      }
    }
    for (const spec of USER_DECISION_FINDINGS) {
      for (const id of spec.controlTower) {
        const control = CONTROL_TOWER_CONTROLS.find((c) => c.id === id);
        expect(control?.exceptions.map((e) => e.decision)).toContain(spec.property);
      }
    }
  });

  test('every rule the registry names is a rule of the installed validator, under that control id', () => {
    const ruleFiles = new CfnGuardValidator().ruleIds ?? [];
    for (const control of CONTROL_TOWER_CONTROLS) {
      // The validator names rule files ct-<service>-pr-<n>: CT.SQS.PR.1 -> sqspr1.
      expect(ruleFiles).toContain(control.id.replace(/^CT\./, '').replace(/\./g, '').toLowerCase());
    }
  });
});

function logicalId(stack: Stack, constructPath: string): string {
  const node = stack.node.findChild(constructPath.split('/')[0]);
  const target = constructPath.split('/').slice(1).reduce((c, id) => c.node.findChild(id), node);
  const element = target.node.defaultChild && !('logicalId' in target) ? target.node.defaultChild : target;
  return stack.resolve((element as any).logicalId);
}
