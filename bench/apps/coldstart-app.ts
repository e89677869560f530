/// Bundles the DynamoDB handler with fromNodejsEntry (defaults) and with NodejsFunction (defaults) in
/// one app. Usage: coldstart-app.ts <entry> <outdir>. Prints {"ours", "oursMinified", "nodejs": <asset dir>}.
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import { FunctionCode, LatestRuntime } from '../../src';

const [entry, outdir] = process.argv.slice(2);
const repo = path.resolve(__dirname, '..', '..');
const app = new App({ outdir });
const stack = new Stack(app, 'ColdstartBench', { env: { account: '123456789012', region: 'us-east-1' } });
const code = FunctionCode.fromNodejsEntry(entry).bind(stack, lambda.Architecture.ARM_64);
const ours = new lambda.Function(stack, 'Ours', { code: code.code, handler: code.handler!, runtime: LatestRuntime.NODEJS });
const minified = FunctionCode.fromNodejsEntry(entry, { minify: true }).bind(stack, lambda.Architecture.ARM_64);
const oursMinified = new lambda.Function(stack, 'OursMinified', { code: minified.code, handler: minified.handler!, runtime: LatestRuntime.NODEJS });
const theirs = new nodejs.NodejsFunction(stack, 'NodejsFunction', {
  entry, runtime: LatestRuntime.NODEJS, depsLockFilePath: path.join(repo, 'package-lock.json'), projectRoot: repo,
});
app.synth();
const assetDir = (fn: lambda.Function) => {
  const key: string = stack.resolve((fn.node.defaultChild as lambda.CfnFunction).code).s3Key;
  return path.join(outdir, `asset.${key.replace(/\.zip$/, '')}`);
};
console.log(JSON.stringify({ ours: assetDir(ours), oursMinified: assetDir(oursMinified), nodejs: assetDir(theirs) }));
