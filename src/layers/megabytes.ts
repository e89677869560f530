/** Bytes as megabytes with one decimal, for messages. @internal */
export function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
