/**
 * Stable error codes of the deployment options. Never reused.
 *
 * @internal
 */
export const DeploymentErrorCodes = {
  /** A traffic hook is the function being deployed. */
  HOOK_IS_TARGET: 'LBP_DEPLOYMENT_HOOK_SELF',
  /** The same function is both the pre- and the post-traffic hook. */
  SAME_HOOK: 'LBP_DEPLOYMENT_SAME_HOOK',
} as const;

/**
 * Stable ids of the deployment warnings (`cdk-lambda-blueprints:<id>`).
 *
 * @internal
 */
export const DeploymentWarnings = {
  NO_ROLLBACK_ALARMS: 'cdk-lambda-blueprints:deploymentWithoutRollbackAlarms',
  HOOK_WITHOUT_ROLE: 'cdk-lambda-blueprints:deploymentHookWithoutRole',
} as const;
