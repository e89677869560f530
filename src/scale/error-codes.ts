/**
 * Stable error codes of the scale features (function groups split into nested stacks). Never reused.
 *
 * @internal
 */
export const ScaleErrorCodes = {
  /** The shard count of a FunctionGroup is not a whole number from 1 to 100. */
  GROUP_SHARDS: 'LBP_GROUP_SHARDS',
  /** A shard (nested stack) of a FunctionGroup has more resources than CloudFormation accepts. */
  GROUP_SHARD_FULL: 'LBP_GROUP_SHARD_FULL',
  /** A shard (nested stack) has more parameters or outputs than CloudFormation accepts. */
  GROUP_SHARD_REFERENCES: 'LBP_GROUP_SHARD_REFERENCES',
} as const;
