/**
 * The trigger contract lives beside the function (`function/trigger-contract.ts`), which consumes it, so
 * the function imports it downward; the triggers, which implement it, import it from here as before.
 */
export * from '../function/trigger-contract';
