/**
 * The module format of a bundled Node.js entry.
 */
export enum OutputFormat {
  /** CommonJS: the bundle is `index.js`. Works with every dependency; the default. */
  CJS = 'cjs',
  /** ECMAScript modules: the bundle is `index.mjs` (top-level await, `import.meta`). */
  ESM = 'esm',
}

/**
 * How a Node.js entry is bundled. Entries with the same settings (and the same project root and
 * Node.js target) are bundled together, in one in-process esbuild run for the whole app.
 */
export interface NodejsEntryOptions {
  /**
   * The name of the handler function the entry exports.
   *
   * @default 'handler'
   */
  readonly handlerExport?: string;

  /**
   * The module format of the bundle.
   *
   * @default OutputFormat.CJS
   */
  readonly format?: OutputFormat;

  /**
   * The esbuild target (e.g. `node22`, `es2022`).
   *
   * @default - the Node.js version of the function's runtime (e.g. `node24` on `nodejs24.x`)
   */
  readonly target?: string;

  /**
   * Whether the AWS SDK for JavaScript v3 (`@aws-sdk/*`) is bundled. Bundled, only the clients the
   * handler uses are loaded, from one file, at the version you tested with: cold starts are shorter
   * than loading the runtime's copy from its `node_modules`. Set `false` to use the runtime's copy.
   *
   * @default true
   */
  readonly bundleAwsSdk?: boolean;

  /**
   * Modules left out of the bundle (`require`d at run time from a layer or the runtime), e.g.
   * `['sharp']`. Wildcards as in esbuild (`@scope/*`).
   *
   * @default - none (with `bundleAwsSdk: false`, `@aws-sdk/*`)
   */
  readonly externalModules?: string[];

  /**
   * Whether the bundle is minified (identifiers, whitespace and syntax).
   *
   * @default false
   */
  readonly minify?: boolean;

  /**
   * Whether a source map (`index.js.map`) is written next to the bundle. The function then gets
   * `NODE_OPTIONS=--enable-source-maps`, so stack traces point at your sources.
   *
   * @default false
   */
  readonly sourceMap?: boolean;

  /**
   * Whether the source map embeds the sources (only with `sourceMap`).
   *
   * @default false
   */
  readonly sourcesContent?: boolean;

  /**
   * Whether function and class names survive minification (`keepNames`).
   *
   * @default false
   */
  readonly keepNames?: boolean;

  /**
   * Text put at the top of the bundle (after the ESM `require` shim, with `OutputFormat.ESM`).
   *
   * @default - none
   */
  readonly banner?: string;

  /**
   * Text put at the end of the bundle.
   *
   * @default - none
   */
  readonly footer?: string;

  /**
   * Identifiers replaced by constant expressions at build time, e.g.
   * `{ 'process.env.STAGE': '"prod"' }` (values are JavaScript source: quote strings).
   *
   * @default - none
   */
  readonly define?: { [identifier: string]: string };

  /**
   * esbuild loaders by file extension, e.g. `{ '.sql': 'text', '.png': 'dataurl' }`.
   *
   * @default - esbuild's (JavaScript, TypeScript, JSON, CSS)
   */
  readonly loader?: { [extension: string]: string };

  /**
   * The package.json fields tried, in order, when resolving a dependency. `module` first lets esbuild
   * tree-shake the ESM builds of dependencies (the AWS SDK v3 ships both).
   *
   * @default ['module', 'main']
   */
  readonly mainFields?: string[];

  /**
   * The tsconfig.json esbuild reads (paths, decorators, JSX settings).
   *
   * @default - the nearest tsconfig.json above each entry, as esbuild finds it
   */
  readonly tsconfig?: string;

  /**
   * The project root: esbuild resolves from here, and the paths written in the bundle's comments and
   * source maps are relative to it (which keeps the bundle identical on every machine).
   *
   * @default - the nearest directory above the entry with a lock file (package-lock.json, yarn.lock,
   * pnpm-lock.yaml, bun.lockb, bun.lock), else with a package.json, else the entry's directory
   */
  readonly projectRoot?: string;
}
