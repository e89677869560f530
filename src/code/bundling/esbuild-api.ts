/**
 * The part of esbuild's JavaScript API this library uses. Declared here rather than imported from
 * 'esbuild' so the published type declarations never need esbuild (users install it only to bundle).
 *
 * @internal
 */
export interface EsbuildApi {
  readonly version: string;
  buildSync(options: { [key: string]: unknown }): EsbuildResult;
}

/** @internal */
export interface EsbuildMessage {
  readonly text: string;
  readonly location?: { readonly file: string; readonly line: number; readonly column: number } | null;
}

/** @internal */
export interface EsbuildOutputFile {
  readonly path: string;
  readonly contents: Uint8Array;
}

/** @internal */
export interface EsbuildResult {
  readonly errors: EsbuildMessage[];
  readonly warnings: EsbuildMessage[];
  readonly outputFiles?: EsbuildOutputFile[];
  readonly metafile?: {
    readonly outputs: { [path: string]: { readonly entryPoint?: string; readonly imports: { path: string; kind: string; external?: boolean }[] } };
  };
}
