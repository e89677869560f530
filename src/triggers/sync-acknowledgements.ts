// The acknowledgements live in one table (src/validation/acknowledgements.ts); this name stays for the code that uses it.
export { SyncTriggerAcknowledgement } from '../validation/acknowledgements';
