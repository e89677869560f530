// Moved to the validation layer (acknowledge() uses it); these names stay for the code that uses them.
export { skipExternalChecks } from '../validation/external-validators';
export type { ExternalValidatorSkips } from '../validation/external-validators';
