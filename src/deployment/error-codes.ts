/**
 * Stable ids of the deployment warnings (`cdk-lambda-blueprints:<id>`).
 *
 * @internal
 */
export const DeploymentWarnings = {
  NO_ROLLBACK_ALARMS: 'cdk-lambda-blueprints:deploymentWithoutRollbackAlarms',
  HOOK_WITHOUT_ROLE: 'cdk-lambda-blueprints:deploymentHookWithoutRole',
} as const;
