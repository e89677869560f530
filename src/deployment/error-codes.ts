// The codes and warning ids live in one registry (src/validation); these names stay for the code that uses them.
export { ErrorCodes as DeploymentErrorCodes } from '../validation/error-codes';
export { WarningIds as DeploymentWarnings } from '../validation/warning-ids';
