/**
 * Stable rule names and warning ids of the compliance checks. Never reused.
 *
 * @internal
 */
export const ComplianceCodes = {
  /** A stack's resources reached 80 % of (warning) or passed (error) CloudFormation's 500. */
  RESOURCE_BUDGET: 'LBP_RESOURCE_BUDGET',
  /** A stack's template reached 80 % of (warning) or passed (error) CloudFormation's 1 MB. */
  TEMPLATE_SIZE: 'LBP_TEMPLATE_SIZE',
  /** A user decision was given without a readable reason. */
  USER_DECISION_REASON: 'LBP_USER_DECISION_REASON',
  /** The info annotation listing the user decisions acknowledged on a scope. */
  USER_DECISIONS: 'LBP_USER_DECISIONS',
} as const;

/** @internal */
export const ComplianceWarnings = {
  PLAIN_FUNCTION_LOG_GROUP: 'cdk-lambda-blueprints:plainFunctionLogGroup',
  PLAIN_FUNCTION_IMMUTABLE_ROLE: 'cdk-lambda-blueprints:plainFunctionImmutableRole',
  PLAIN_FUNCTION_HARDENED: 'cdk-lambda-blueprints:plainFunctionHardened',
} as const;
