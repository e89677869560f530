import { Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { operationName, SENDERS, validateCognitoTriggerOptions } from './cognito-checks';
import { ErrorCodes } from '../../validation/error-codes';
import { noteSynchronousInvoker } from '../../validation/sync-note';
import { Validator } from '../../validation/validator';
import { targetRole, TriggerBinding } from '../private/binding';
import { triggerScope } from '../private/trigger-scope';
import { ITrigger, ITriggerTarget, TriggerConfig } from '../trigger';

/** CloudFormation's `LambdaConfig` key of each operation (where it is not just capitalised). */
const CFN_KEYS: Record<string, string> = {
  customSmsSender: 'CustomSMSSender',
};

/**
 * Options of a Cognito user pool trigger.
 */
export interface CognitoTriggerOptions {
  /**
   * The event version of a `PRE_TOKEN_GENERATION_CONFIG` trigger (`V2_0` customises access tokens,
   * `V3_0` also machine-to-machine tokens, both need the Essentials or Plus feature plan).
   *
   * @default LambdaVersion.V1_0
   */
  readonly lambdaVersion?: cognito.LambdaVersion;

  /**
   * The customer-managed KMS key Cognito encrypts codes and temporary passwords with, for the
   * `CUSTOM_EMAIL_SENDER` and `CUSTOM_SMS_SENDER` operations (required there, refused elsewhere). The
   * function may decrypt with it; a key created in the app also lets Cognito encrypt with it.
   *
   * @default - none
   */
  readonly kmsKey?: kms.IKey;
}

/**
 * Invokes the function's `live` alias from a Cognito user pool operation (pre sign-up, pre token
 * generation, custom message, custom sender, ...). The trigger is written into the pool's
 * `LambdaConfig`, the Lambda permission names the pool (`SourceArn`) and the account
 * (`SourceAccount`), and the function timeout is checked against Cognito's 5-second wait.
 *
 * Grants on the pool itself go through `grantUserPool`, into a policy the function does not wait
 * for: a pool that names the function, and a function that waits for a policy naming the pool, would
 * be a dependency cycle.
 *
 * Create it with `Trigger.cognito(userPool, operation)`. Only pools defined in the app
 * (`cognito.UserPool`) can be changed; an imported pool's triggers are set where the pool is defined.
 */
export class CognitoTrigger implements ITrigger {
  /** The user pool that invokes the function. */
  public readonly userPool: cognito.IUserPool;

  /** The pool operation that invokes the function. */
  public readonly operation: cognito.UserPoolOperation;

  private readonly options: CognitoTriggerOptions;
  private readonly binding = new TriggerBinding<{ permission: lambda.CfnPermission; scope: Construct; target: ITriggerTarget; poolPolicy?: iam.ManagedPolicy }>('CognitoTrigger');

  /**
   * @param userPool the user pool (defined in this app)
   * @param operation the pool operation that invokes the function
   * @param options the event version, the custom sender key
   */
  constructor(userPool: cognito.IUserPool, operation: cognito.UserPoolOperation, options: CognitoTriggerOptions = {}) {
    this.userPool = userPool;
    this.operation = operation;
    this.options = options;
  }

  /** The Lambda permission that lets this pool (and only it) invoke the alias. */
  public get permission(): lambda.CfnPermission {
    return this.binding.resources('permission').permission;
  }

  /**
   * The customer-managed policy for statements on the pool, once `grantUserPool` was called: attached
   * to the function's role, but the function does not depend on it.
   */
  public get userPoolPolicy(): iam.ManagedPolicy | undefined {
    return this.binding.resources('userPoolPolicy').poolPolicy;
  }

  /**
   * Lets the function call the given `cognito-idp:` actions on this pool (e.g.
   * `cognito-idp:AdminAddUserToGroup`), without a dependency cycle. Do not grant on the pool with
   * `userPool.grant(fn.role, ...)`: that statement lands in the policy the function waits for.
   *
   * @param actions the `cognito-idp:` actions
   */
  public grantUserPool(...actions: string[]): void {
    const bound = this.binding.resources('grantUserPool');
    if (!bound.poolPolicy) {
      bound.poolPolicy = new iam.ManagedPolicy(bound.scope, 'UserPoolPolicy', {
        description: `Statements of ${bound.target.node.path} on the user pool ${this.userPool.node.path} (the function does not wait for them)`,
        roles: [targetRole(bound.target, 'cognito trigger')],
      });
    }
    bound.poolPolicy.addStatements(new iam.PolicyStatement({
      actions,
      resources: [this.userPool.userPoolArn],
    }));
  }

  /** @inheritdoc */
  public bind(target: ITriggerTarget): TriggerConfig {
    this.binding.claim(target);
    const opts = this.options;
    const name = operationName(this.operation);
    const scope = triggerScope(target, `Cognito${capitalise(name)}`);
    const v = new Validator(scope);
    const pool = this.userPool instanceof cognito.UserPool ? this.userPool : undefined;
    validateCognitoTriggerOptions(v, this.userPool, this.operation, opts, target);
    v.throwIfAny();

    this.configurePool(scope, pool!, target, name);
    const permission = this.permitPool(scope, pool!, target, name);

    this.binding.record(target, { permission, scope, target });
    return { description: `Cognito user pool ${this.userPool.node.path} ${name}` };
  }

  /** Build: the pool's LambdaConfig entry (L1, so the custom sender key need not be on the pool's props), and the sender key's grants. */
  private configurePool(scope: Construct, pool: cognito.UserPool, target: ITriggerTarget, name: string): void {
    const opts = this.options;
    const isSender = SENDERS.includes(name);
    const cfnPool = pool.node.defaultChild as cognito.CfnUserPool;
    const markerId = `BlueprintTrigger${capitalise(name)}`;
    const senderKey = pool.node.tryFindChild('BlueprintSenderKey') as KeyMarker | undefined;
    const version = opts.lambdaVersion;
    // ---- the pool's LambdaConfig (L1, so the custom sender key need not be set on the pool's props)
    const stack = Stack.of(scope);
    const cfnKey = CFN_KEYS[name] ?? capitalise(name);
    const aliasArn = target.alias.functionArn;
    if (isSender || name === 'preTokenGenerationConfig') {
      cfnPool!.addPropertyOverride(`LambdaConfig.${cfnKey}`, { LambdaArn: aliasArn, LambdaVersion: version ?? cognito.LambdaVersion.V1_0 });
    } else {
      cfnPool!.addPropertyOverride(`LambdaConfig.${cfnKey}`, aliasArn);
    }
    new Construct(pool!, markerId);
    if (isSender) {
      const key = opts.kmsKey!;
      cfnPool!.addPropertyOverride('LambdaConfig.KMSKeyID', key.keyArn);
      if (!senderKey) {
        new KeyMarker(pool!, 'BlueprintSenderKey', key);
      }
      key.grantDecrypt(targetRole(target, 'cognito trigger'));
      if (key instanceof kms.Key && !key.node.tryFindChild('CognitoSendersAllowed')) {
        new Construct(key, 'CognitoSendersAllowed');
        // Any pool of this account and Region: naming this pool's ARN in the key policy would make a
        // cycle (the pool names the key in KMSKeyID).
        key.addToResourcePolicy(new iam.PolicyStatement({
          sid: 'AllowCognitoCustomSendersToEncrypt',
          principals: [new iam.ServicePrincipal('cognito-idp.amazonaws.com')],
          actions: ['kms:Encrypt'],
          resources: ['*'],
          conditions: {
            StringEquals: { 'aws:SourceAccount': stack.account },
            ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:cognito-idp:${stack.region}:${stack.account}:userpool/*` },
          },
        }));
      }
    }
  }

  /**
   * Build and report: the invoke permission (with the pool, so a pool in another stack references the
   * function and not the other way round), the cycle check at synth, and the synchronous-invoker note.
   */
  private permitPool(scope: Construct, pool: cognito.UserPool, target: ITriggerTarget, name: string): lambda.CfnPermission {
    const isSender = SENDERS.includes(name);
    const markerId = `BlueprintTrigger${capitalise(name)}`;
    const aliasArn = target.alias.functionArn;
    const stack = Stack.of(scope);
    // ---- the permission lives with the pool, so a pool in another stack references the function
    // and not the other way round.
    const permission = new lambda.CfnPermission(pool!, `${markerId}Permission`, {
      action: 'lambda:InvokeFunction',
      functionName: aliasArn,
      principal: 'cognito-idp.amazonaws.com',
      sourceArn: pool!.userPoolArn,
      sourceAccount: stack.account,
    });

    scope.node.addValidation({ validate: () => this.checkNoCycle(target) });

    // Custom senders are invoked asynchronously: their failed invocations end in the function's
    // dead-letter queue. Every other operation is synchronous.
    if (!isSender) {
      noteSynchronousInvoker(scope, `Cognito user pool (${name})`, 'the user\'s sign-up, sign-in or token request fails with the error');
    }
    return permission;
  }

  /** Statements or variables of the function that name the pool would make a dependency cycle. */
  private checkNoCycle(target: ITriggerTarget): string[] {
    const cfnPool = this.userPool.node.defaultChild as cognito.CfnUserPool;
    const stack = Stack.of(cfnPool);
    if (Stack.of(target) !== stack) {
      return [];
    }
    const id = stack.resolve(cfnPool.logicalId);
    const refersToPool = (x: unknown) => {
      const json = JSON.stringify(stack.resolve(x) ?? {});
      return json.includes(`{"Ref":"${id}"}`) || json.includes(`{"Fn::GetAtt":["${id}",`);
    };
    const problems: string[] = [];
    // The function waits for every policy of its role (the library's and the user's grants).
    const policies = (target.role?.node.findAll() ?? []).filter((c): c is iam.ManagedPolicy => c instanceof iam.ManagedPolicy);
    for (const policy of policies) {
      if (refersToPool(policy.document.toJSON())) {
        problems.push(`[${ErrorCodes.LBP_COGNITO_CYCLE}] ${policy.node.path}: the function's policy names the user pool ${this.userPool.node.path}, `
          + 'which invokes the function; the function waits for that policy, so CloudFormation would refuse the dependency cycle. '
          + 'Fix: grant on the pool with trigger.grantUserPool(...actions) instead of userPool.grant(fn, ...).');
      }
    }
    for (const cfnFunction of target.node.findAll().filter((c): c is lambda.CfnFunction => c instanceof lambda.CfnFunction)) {
      if (refersToPool(cfnFunction.environment)) {
        problems.push(`[${ErrorCodes.LBP_COGNITO_CYCLE}] ${target.node.path}: an environment variable names the user pool ${this.userPool.node.path}, `
          + 'which invokes the function: a dependency cycle. Fix: read event.userPoolId in the handler instead.');
      }
    }
    return problems;
  }

}

/** Remembers the pool's custom sender key (one per pool). */
class KeyMarker extends Construct {
  constructor(scope: Construct, id: string, public readonly key: kms.IKey) {
    super(scope, id);
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
