/**
 * Snapshot normalisation: asset hashes (and the version logical ids derived from them) change with
 * every byte of a fixture or a dependency upgrade; snapshots should change only when the template's
 * shape does. Use `normalizedTemplate(stack)` from test/helpers/template for whole-pattern snapshots.
 */
const ASSET_HASH = /[0-9a-f]{64}/g;

expect.addSnapshotSerializer({
  test: (val: unknown) => typeof val === 'string' && /[0-9a-f]{64}/.test(val),
  print: (val: unknown) => JSON.stringify((val as string).replace(ASSET_HASH, '<asset-hash>')),
});
