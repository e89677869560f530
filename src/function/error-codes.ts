/**
 * Stable error codes of the function's own API (beyond its props, whose codes are in
 * `src/validation/error-codes.ts`). Never reused for another rule.
 *
 * @internal
 */
export const FunctionErrorCodes = {
  /** `addEventSource`, `addEventSourceMapping` or `configureAsyncInvoke` on a ServerlessFunction. */
  EVENT_SOURCE_REFUSED: 'LBP_EVENT_SOURCE_REFUSED',
} as const;
