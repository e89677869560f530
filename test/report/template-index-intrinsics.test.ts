import { StackIndex } from '../../src/report/private/template-index';

const template = {
  Resources: {
    Fn: { Type: 'AWS::Lambda::Function', Properties: {} },
    Live: { Type: 'AWS::Lambda::Alias', Properties: { FunctionName: { Ref: 'Fn' } } },
    Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
  },
};

describe('StackIndex resolves a reference inside the intrinsics aws-cdk-lib writes ARNs and names with', () => {
  const index = new StackIndex([{ file: 'S.template.json', template }]);
  const resolved = (value: unknown) => index.resolve('S.template.json', value)?.logicalId;

  test('Fn::Select over Fn::Split (an alias named in an event source mapping)', () => {
    expect(resolved({ 'Fn::Join': ['', [{ 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: 'Live' }] }] }, ':live']] })).toBe('Live');
  });

  test('Fn::Sub over ${LogicalId.Attribute}, ${LogicalId} and a variable', () => {
    expect(resolved({ 'Fn::Sub': '${Fn.Arn}:live' })).toBe('Fn');
    expect(resolved({ 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${Queue}' })).toBe('Queue');
    expect(resolved({ 'Fn::Sub': ['${Target}/invocations', { Target: { 'Fn::GetAtt': ['Live', 'Arn'] } }] })).toBe('Live');
  });

  test('a pseudo parameter, a literal ARN or a malformed intrinsic names nothing (no crash)', () => {
    expect(resolved({ 'Fn::Sub': '${AWS::Region}' })).toBeUndefined();
    expect(resolved('arn:aws:sqs:us-east-1:123456789012:q')).toBeUndefined();
    expect(resolved({ 'Fn::Select': 'not a list' })).toBeUndefined();
    expect(resolved({ 'Fn::Sub': [42] })).toBeUndefined();
  });
});
