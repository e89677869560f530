/** A template value as read from JSON. @internal */
export type Json = any;

/** One template read for a stack: the stack's own, or a nested stack's. @internal */
export interface StackTemplate {
  /** The file, relative to the cloud assembly. */
  readonly file: string;
  readonly template: Json;
  /** For a nested stack's template: the template and logical id of its `AWS::CloudFormation::Stack` resource. */
  readonly nestedIn?: { readonly file: string; readonly logicalId: string };
}

/** One resource of a stack's templates. @internal */
export interface TemplateResource {
  /** The file of the template it is in (two nested templates may use the same logical id). */
  readonly file: string;
  readonly logicalId: string;
  readonly type: string;
  readonly properties: Json;
  readonly metadata: Json;
  /** Its construct path (`aws:cdk:path` metadata), or the logical id when the app turned path metadata off. */
  readonly path: string;
}

/**
 * The resources of one deployable stack (its nested stacks' included), and the resolution of the references
 * between them: `Ref` and `Fn::GetAtt` in the same template, a nested stack's parameters to the value its parent
 * passes, a parent's `Fn::GetAtt [Nested, Outputs.X]` to the nested template's output, `Fn::ImportValue` to
 * the export of another stack of the assembly.
 *
 * @internal
 */
export class StackIndex {
  private readonly byKey = new Map<string, TemplateResource>();
  private readonly templates = new Map<string, StackTemplate>();

  /**
   * @param templates the stack's template first, then its nested stacks' templates
   * @param exports every export of the assembly (`Outputs.*.Export.Name` -> the index and output value)
   */
  constructor(templates: StackTemplate[], private readonly exports: Map<string, { index: StackIndex; file: string; value: Json }> = new Map()) {
    for (const t of templates) {
      this.templates.set(t.file, t);
      for (const [logicalId, r] of Object.entries<Json>(t.template?.Resources ?? {})) {
        this.byKey.set(`${t.file}|${logicalId}`, {
          file: t.file,
          logicalId,
          type: String(r?.Type ?? ''),
          properties: r?.Properties ?? {},
          metadata: r?.Metadata ?? {},
          path: typeof r?.Metadata?.['aws:cdk:path'] === 'string' ? r.Metadata['aws:cdk:path'] : logicalId,
        });
      }
    }
  }

  /** Every resource, in template order (the stack's own first). */
  public resources(): TemplateResource[] {
    return [...this.byKey.values()];
  }

  /** The resources of one CloudFormation type. */
  public ofType(type: string): TemplateResource[] {
    return this.resources().filter((r) => r.type === type);
  }

  /**
   * The resource with that logical id in that template file (a file of another stack when an import led
   * there: that stack's index answers).
   */
  public resource(file: string, logicalId: string): TemplateResource | undefined {
    return this.byKey.get(`${file}|${logicalId}`) ?? this.owner(file)?.resource(file, logicalId);
  }

  /** Whether the template file is one of this stack's. */
  public hasFile(file: string): boolean {
    return this.templates.has(file);
  }

  /** The index of another stack of the assembly that holds `file` (reached through its exports). */
  private owner(file: string): StackIndex | undefined {
    if (this.templates.has(file)) {
      return undefined;
    }
    for (const e of this.exports.values()) {
      if (e.index !== this && e.index.hasFile(file)) {
        return e.index;
      }
    }
    return undefined;
  }

  /**
   * The resource a value written in `file` refers to (`Ref`, `Fn::GetAtt`, an `Fn::Join`/`Fn::Sub` ARN built from one
   * reference, a nested-stack parameter or output, an import), or undefined when it names something outside the app.
   */
  public resolve(file: string, value: Json, depth = 0): TemplateResource | undefined {
    if (depth > 8 || value === null || typeof value !== 'object') {
      return undefined;
    }
    const other = this.owner(file);
    if (other) {
      // A value read in another stack's template (a resource an import led to): resolved there.
      return other.resolve(file, value, depth + 1);
    }
    if (typeof value.Ref === 'string') {
      return this.resource(file, value.Ref) ?? this.fromParameter(file, value.Ref, depth);
    }
    const getAtt = value['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') {
      const target = this.resource(file, getAtt[0]);
      const attribute = String(getAtt[1] ?? '');
      if (target?.type === 'AWS::CloudFormation::Stack' && attribute.startsWith('Outputs.')) {
        return this.fromNestedOutput(target, attribute.slice('Outputs.'.length), depth);
      }
      return target;
    }
    if (value['Fn::ImportValue'] !== undefined) {
      const name = value['Fn::ImportValue'];
      const exported = typeof name === 'string' ? this.exports.get(name) : undefined;
      return exported ? exported.index.resolve(exported.file, exported.value, depth + 1) : undefined;
    }
    return this.fromIntrinsic(file, value, depth);
  }

  /**
   * An ARN or name built from one reference: `Fn::Join` (e.g. `${Function.Arn}:live`), `Fn::Select`/`Fn::Split`
   * over one (how aws-cdk-lib names an alias in an event source mapping: the 7th part of its ARN, `:live`),
   * `Fn::Sub` over `${LogicalId}` / `${LogicalId.Attribute}` or one of its variables.
   */
  private fromIntrinsic(file: string, value: Json, depth: number): TemplateResource | undefined {
    const join = value['Fn::Join'];
    const select = value['Fn::Select'];
    const split = value['Fn::Split'];
    const parts: Json[] = Array.isArray(join) && Array.isArray(join[1]) ? join[1]
      : Array.isArray(select) ? [select[1]]
        : Array.isArray(split) ? [split[1]]
          : [];
    for (const part of parts) {
      const found = this.resolve(file, part, depth + 1);
      if (found) {
        return found;
      }
    }
    const sub = value['Fn::Sub'];
    const [text, variables] = Array.isArray(sub) ? [sub[0], sub[1] ?? {}] : [sub, {}];
    if (typeof text === 'string') {
      for (const m of text.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/g)) {
        const found = variables?.[m[1]] !== undefined
          ? this.resolve(file, variables[m[1]], depth + 1)
          : this.resolve(file, { Ref: m[1] }, depth + 1);
        if (found) {
          return found;
        }
      }
    }
    return undefined;
  }

  /** A nested template's parameter resolved to what its parent passes. */
  private fromParameter(file: string, name: string, depth: number): TemplateResource | undefined {
    const nestedIn = this.templates.get(file)?.nestedIn;
    const parent = nestedIn ? this.resource(nestedIn.file, nestedIn.logicalId) : undefined;
    const passed = parent?.properties?.Parameters?.[name];
    return nestedIn && passed !== undefined ? this.resolve(nestedIn.file, passed, depth + 1) : undefined;
  }

  /** A nested stack's output resolved to the resource it refers to in the nested template. */
  private fromNestedOutput(stack: TemplateResource, output: string, depth: number): TemplateResource | undefined {
    for (const t of this.templates.values()) {
      if (t.nestedIn?.file === stack.file && t.nestedIn.logicalId === stack.logicalId) {
        return this.resolve(t.file, t.template?.Outputs?.[output]?.Value, depth + 1);
      }
    }
    return undefined;
  }
}
