/**
 * The cdk-nag findings the HTTP triggers acknowledge themselves (the schedule and event-rule failure
 * queues use `TriggerAcknowledgement.SINK_QUEUE_IS_A_DLQ`), each on the
 * narrowest construct, with the reason (listed in docs/triggers-sync.md). Nothing else is acknowledged.
 *
 * @internal
 */
export const SyncTriggerAcknowledgement = {
  /** A function URL whose user explicitly chose `authType: NONE` and `allowPublicAccess: true`. */
  PUBLIC_FUNCTION_URL: {
    ids: [
      'HIPAA.Security-LambdaFunctionPublicAccessProhibited',
      'NIST.800.53.R5-LambdaFunctionPublicAccessProhibited',
      'PCI.DSS.321-LambdaFunctionPublicAccessProhibited',
    ],
    reason:
      'The user explicitly asked for a public function URL (authType NONE with allowPublicAccess: true): ' +
      'an unauthenticated URL needs a resource policy for Principal "*", which these rules forbid by design. ' +
      'The function must authenticate callers itself; use the default AWS_IAM auth type to avoid this.',
  },
  /** A REST API whose user explicitly chose `allowPublicAccess: true`. */
  REST_API_PUBLIC: {
    ids: ['AwsSolutions-APIG4', 'AwsSolutions-COG4'],
    reason:
      'The user explicitly asked for public REST API methods (allowPublicAccess: true): the method has no ' +
      'authorizer by design and the function must authenticate callers itself. Leave allowPublicAccess unset ' +
      'for IAM authorization, or set cognitoUserPools.',
  },
  /** IAM (SigV4) or a Lambda authorizer: AwsSolutions-COG4 accepts only Cognito authorizers. */
  REST_API_NOT_COGNITO: {
    ids: ['AwsSolutions-COG4'],
    reason:
      'The method is authorized with IAM (SigV4-signed requests, checked against the caller\'s IAM policy) or ' +
      'with the user\'s own Lambda authorizer; AwsSolutions-COG4 only accepts Cognito user pool authorizers. ' +
      'Set cognitoUserPools to use Cognito instead.',
  },
  /** A client certificate authenticates API Gateway to HTTP backends; a Lambda backend has nothing to verify it. */
  REST_API_NO_CLIENT_CERTIFICATE: {
    ids: ['HIPAA.Security-APIGWSSLEnabled', 'NIST.800.53.R5-APIGWSSLEnabled', 'PCI.DSS.321-APIGWSSLEnabled'],
    reason:
      'A stage client certificate lets an HTTP backend verify that requests come from API Gateway. This stage\'s ' +
      'only backend is a Lambda function, invoked through the Lambda API with a resource policy scoped to this API: ' +
      'there is no HTTP backend to present a certificate to.',
  },
  /** The account-level API Gateway logging role writes to every API's log groups in the Region. */
  API_GATEWAY_ACCOUNT_ROLE: {
    // The id's resource is filled in with the statement's own resource where it is acknowledged.
    ids: [],
    checkov: ['CKV_AWS_111'],
    reason:
      'This is the Region\'s API Gateway CloudWatch Logs role (AWS::ApiGateway::Account): API Gateway uses it ' +
      'for the execution and access logs of every API in the account and Region, whose log groups it names itself ' +
      '(API-Gateway-Execution-Logs_<api id>/<stage>). It is limited to the log groups of this account (and Region, when the ' +
      'stack\'s environment is known), and its policy holds this one statement.',
  },
  /** WebSocket authorization is only possible on `$connect`. */
  WEBSOCKET_ROUTE_AUTH: {
    ids: ['AwsSolutions-APIG4'],
    reason:
      'API Gateway WebSocket APIs authorize a client once, on the $connect route: "Because the WebSocket ' +
      'connection is stateful, you can configure authorization only on the $connect route". Messages on this ' +
      'route arrive on a connection that was already authorized there.',
  },
  /** A WebSocket `$connect` whose user explicitly chose `allowPublicConnect: true`. */
  WEBSOCKET_PUBLIC_CONNECT: {
    ids: ['AwsSolutions-APIG4'],
    reason:
      'The user explicitly asked for unauthenticated WebSocket connections (allowPublicConnect: true); the ' +
      'function must authenticate clients itself. Leave it unset for IAM authorization on $connect.',
  },
} as const;
