/**
 * How cdk-nag writes a policy resource in a finding id (`AwsSolutions-IAM5[Resource::<this>]`): Refs
 * and GetAtts as `<LogicalId>` / `<LogicalId.Attr>`, joins concatenated.
 *
 * @internal
 */
export function nagResourceString(value: any): string {
  if (typeof value === 'string') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map(nagResourceString).join('');
  }
  if (value && typeof value === 'object') {
    if ('Ref' in value) {
      return `<${value.Ref}>`;
    }
    if ('Fn::GetAtt' in value) {
      return `<${value['Fn::GetAtt'].join('.')}>`;
    }
    if ('Fn::Join' in value) {
      const [sep, parts] = value['Fn::Join'];
      return (parts as any[]).map(nagResourceString).join(sep);
    }
  }
  return JSON.stringify(value);
}
