/** CloudFormation's quota of resources per stack. */
export const MAX_RESOURCES = 500;
/** CloudFormation's limit of a template's size (uploaded through S3), in bytes. */
export const MAX_TEMPLATE_BYTES = 1_048_576;

/** What to do when a stack outgrows these limits. */
export const SPLIT_ADVICE = 'Split the stack: create the functions in a FunctionGroup (nested stacks, placed by a stable hash of their id), or move groups of functions (with their triggers) into their own stacks, ' +
  'or turn off alarms you do not need (alarms: { enabled: false } or per alarm).';
