// The acknowledgements and acknowledge() live in the validation layer (src/validation/acknowledgements.ts,
// src/validation/acknowledge.ts); these names stay for the code that uses them.
export { acknowledge } from '../validation/acknowledge';
export { Acknowledgement } from '../validation/acknowledgements';
export type { AcknowledgementSpec } from '../validation/acknowledgements';
