// Moved to the validation layer (acknowledge() uses it); these names stay for the code that uses them.
export { CDK_VALIDATOR_NAMESPACE, skipExternalChecks } from '../validation/external-validators';
export type { ExternalValidatorSkips } from '../validation/external-validators';
