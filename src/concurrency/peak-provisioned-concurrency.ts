import { ProvisionedConcurrencyOptions } from './provisioned-concurrency';

/** Every capacity the options can reach (to compare with reserved concurrency). @internal */
export function peakProvisionedConcurrency(options: ProvisionedConcurrencyOptions): number {
  const values = [options.minCapacity, options.maxCapacity ?? options.minCapacity];
  for (const s of options.schedules ?? []) {
    values.push(s.minCapacity ?? 0, s.maxCapacity ?? 0);
  }
  return Math.max(...values);
}
