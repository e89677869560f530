/// Cognito user pool triggers: a synchronous pre sign-up trigger that also manages the pool, and a custom email sender with its KMS key.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as kms from 'aws-cdk-lib/aws-kms';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsCognitoTrigger');
const code = FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler'));

const pool = new cognito.UserPool(stack, 'Users', {
  signInAliases: { email: true },
  passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireSymbols: true, requireUppercase: true },
  removalPolicy: RemovalPolicy.DESTROY,
});

// Synchronous: Cognito waits 5 s at most. The function also adds users to groups of the same pool.
const preSignUp = new ServerlessFunction(stack, 'PreSignUp', { code, timeout: Duration.seconds(5) });
const signUp = Trigger.cognito(pool, cognito.UserPoolOperation.PRE_SIGN_UP);
preSignUp.addTrigger(signUp);
signUp.grantUserPool('cognito-idp:AdminAddUserToGroup');

// Asynchronous custom sender: codes arrive encrypted with the key.
const senderKey = new kms.Key(stack, 'SenderKey', { enableKeyRotation: true, removalPolicy: RemovalPolicy.DESTROY });
const sender = new ServerlessFunction(stack, 'EmailSender', { code });
sender.addTrigger(Trigger.cognito(pool, cognito.UserPoolOperation.CUSTOM_EMAIL_SENDER, { kmsKey: senderKey }));

new IntegTest(app, 'CognitoTrigger', { testCases: [stack] });
app.synth();
