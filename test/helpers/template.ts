import { App, Stack, StackProps } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

/** The account and region every test stack uses (so ARNs and AZs resolve deterministically). */
export const TEST_ENV = { account: '123456789012', region: 'us-east-1' };

/** A fresh app and stack for one test. */
export function testStack(id = 'TestStack', props: StackProps = {}): Stack {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': true } });
  return new Stack(app, id, { env: TEST_ENV, ...props });
}

/**
 * The stack's template as JSON with asset hashes and hash-derived logical ids replaced by
 * placeholders, for snapshot tests that should change only when the template's shape changes.
 */
export function normalizedTemplate(stack: Stack): unknown {
  const json = JSON.stringify(Template.fromStack(stack).toJSON());
  return JSON.parse(
    json
      .replace(/[0-9a-f]{64}/g, '<asset-hash>')
      .replace(/CurrentVersion[0-9A-F]{8}[0-9a-f]{32}/g, 'CurrentVersion<hash>'),
  );
}

/** Path of the tiny Node.js handler fixture used by tests. */
export const HANDLER_DIR = `${__dirname}/../fixtures/handler`;
