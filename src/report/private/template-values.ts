import { Json, StackIndex, TemplateResource } from './template-index';

/**
 * Every resource of the app a template value refers to anywhere inside it (a `Ref` or `Fn::GetAtt` in
 * dimensions, in an ARN joined from parts, in a Metrics Insights query assembled with `Fn::Join`), as
 * `StackIndex.resolve` finds them.
 *
 * @internal
 */
export function referencedResources(index: StackIndex, file: string, value: Json, depth = 0): TemplateResource[] {
  if (value === null || typeof value !== 'object' || depth > 20) {
    return [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((v) => referencedResources(index, file, v, depth + 1));
  }
  if (typeof value.Ref === 'string' || Array.isArray(value['Fn::GetAtt']) || value['Fn::ImportValue'] !== undefined) {
    const found = index.resolve(file, value);
    return found ? [found] : [];
  }
  return Object.values(value).flatMap((v) => referencedResources(index, file, v, depth + 1));
}

/**
 * A template value as text for people: strings and numbers as they are, a reference as the construct path
 * of what it names (or `${Name}` when it names nothing of the app), `Fn::Join` and `Fn::Sub` spelled out,
 * anything else `?`.
 *
 * @internal
 */
export function textOf(index: StackIndex, file: string, value: Json, depth = 0): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (value === null || typeof value !== 'object' || depth > 20) {
    return '?';
  }
  const join = value['Fn::Join'];
  if (Array.isArray(join) && Array.isArray(join[1])) {
    return join[1].map((part: Json) => textOf(index, file, part, depth + 1)).join(typeof join[0] === 'string' ? join[0] : '');
  }
  const sub = value['Fn::Sub'];
  if (typeof sub === 'string' || (Array.isArray(sub) && typeof sub[0] === 'string')) {
    return typeof sub === 'string' ? sub : sub[0];
  }
  if (typeof value.Ref === 'string' || Array.isArray(value['Fn::GetAtt']) || value['Fn::ImportValue'] !== undefined) {
    const found = index.resolve(file, value);
    const named = typeof value.Ref === 'string' ? value.Ref : Array.isArray(value['Fn::GetAtt']) ? value['Fn::GetAtt'].join('.') : 'import';
    return found ? found.path : `\${${named}}`;
  }
  return '?';
}

/** A number from the template, `fallback` when absent, and undefined when it is a token left unresolved. @internal */
export function numberOr(value: Json, fallback: number | undefined): number | undefined {
  if (value === undefined || value === null) {
    return fallback;
  }
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}
