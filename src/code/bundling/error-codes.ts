/**
 * Stable error codes of Node.js entry bundling. Never reused for another rule; the README lists them.
 *
 * @internal
 */
export const BundlingErrorCodes = {
  /** The entry file does not exist. */
  ENTRY_NOT_FOUND: 'LBP_BUNDLING_ENTRY_NOT_FOUND',
  /** The entry is not a JavaScript or TypeScript file. */
  ENTRY_EXTENSION: 'LBP_BUNDLING_ENTRY_EXTENSION',
  /** The handler export is not a JavaScript identifier. */
  HANDLER_EXPORT: 'LBP_BUNDLING_HANDLER_EXPORT',
  /** The project root does not exist or is not a directory. */
  PROJECT_ROOT: 'LBP_BUNDLING_PROJECT_ROOT',
  /** A loader would write files beside the bundle (`file`, `copy`) or is unknown. */
  LOADER: 'LBP_BUNDLING_LOADER',
  /** esbuild cannot be found in the project. */
  ESBUILD_MISSING: 'LBP_BUNDLING_ESBUILD_MISSING',
  /** esbuild reported errors (syntax errors, unresolved imports, ...). */
  BUILD_FAILED: 'LBP_BUNDLING_BUILD_FAILED',
} as const;
