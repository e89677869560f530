/**
 * Stable validation error codes of the queue, stream, table, topic and bucket patterns. Never reused
 * for another rule; docs/triggers-async.md lists them with their conditions.
 *
 * @internal
 */
export const PatternErrorCodes = {
  /** A setting of the source the pattern would create was given together with an existing source. */
  SOURCE_OPTION_WITH_EXISTING: 'LBP_PATTERN_SOURCE_OPTION',
  /** maxReceiveCount outside 1-1000. */
  MAX_RECEIVE_COUNT: 'LBP_MAX_RECEIVE_COUNT',
  /** Queue retention outside 60 s - 14 days. */
  QUEUE_RETENTION: 'LBP_QUEUE_RETENTION',
  /** A shard count with an on-demand stream, or outside 1-500 (the default shard quota per stream). */
  STREAM_SHARD_COUNT: 'LBP_STREAM_SHARD_COUNT',
  /** Kinesis retention outside 24 hours - 365 days. */
  STREAM_RETENTION: 'LBP_STREAM_RETENTION',
  /** A new table without a partition key. */
  TABLE_PARTITION_KEY: 'LBP_TABLE_PARTITION_KEY',
} as const;
