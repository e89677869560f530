// The codes and warning ids live in one registry (src/validation); these names stay for the code that uses them.
export { ErrorCodes as PatternErrorCodes } from '../validation/error-codes';
