import { awscdk, javascript, JsonFile } from 'projen';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-lambda-blueprints',
  description:
    'High-level AWS CDK constructs that turn AWS Lambda functions into production-ready, compliant, observable stacks.',
  author: 'cdk-lambda-blueprints',
  authorAddress: 'maintainers@cdklambdablueprints.github.io',
  repositoryUrl: 'https://github.com/cdklambdablueprints/cdk-lambda-blueprints.git',
  defaultReleaseBranch: 'main',
  keywords: ['cdk', 'aws-cdk', 'awscdk', 'lambda', 'serverless', 'cdk-nag', 'best-practices'],

  // aws-cdk-lib 2.257.0 is the one version that cdk-nag 3, integ-tests-alpha and integ-runner all accept
  // (see shared/toolchain.md); users may run any newer 2.x (the peer range is ^2.257.0).
  cdkVersion: '2.257.0',
  constructsVersion: '10.5.1',
  jsiiVersion: '~6.0.0',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  sampleCode: false,

  // No hosted CI or release automation here: `.ci/run` is the pipeline.
  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,

  publishToPypi: {
    distName: 'cdk-lambda-blueprints',
    module: 'cdk_lambda_blueprints',
  },
  publishToMaven: {
    javaPackage: 'io.github.cdklambdablueprints',
    mavenGroupId: 'io.github.cdklambdablueprints',
    mavenArtifactId: 'cdk-lambda-blueprints',
  },

  // Blueprints.applyTo registers cdk-nag packs at synth, so users need cdk-nag at run time.
  peerDeps: ['cdk-nag@^3.0.2'],

  devDeps: [
    '@aws-cdk/integ-tests-alpha@2.245.0-alpha.0',
    '@aws-cdk/integ-runner@2.197.10',
    'aws-cdk@^2',
    'esbuild@^0.28.0',
    // bench/coldstart: a handler using the DynamoDB client, bundled by us and by NodejsFunction.
    '@aws-sdk/client-dynamodb@^3',
  ],

  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'integ', 'examples', 'bench', 'projenrc'],
    ignorePatterns: ['*.js', '*.d.ts', 'node_modules/', '*.generated.ts', 'coverage', '**/*.snapshot/**', 'cdk.out/', 'consumers/'],
  },

  jestOptions: {
    // projen's default `jest --updateSnapshot` would silently rewrite snapshots; they must be verified.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      setupFilesAfterEnv: ['<rootDir>/test/setup/asset-hash-serializer.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/cdk.out/', '/integ/', '/consumers/'],
      coveragePathIgnorePatterns: ['/node_modules/', '/test/'],
    },
  },

  gitignore: [
    'cdk.out/',
    '/integ/**/cdk-integ.out.*',
    '/integ/**/*.snapshot/asset.*',
    '.cdk.staging/',
    '/bench/out/',
    '/consumers/**/cdk.out/',
    '/consumers/python/.venv/',
    '/consumers/java/target/',
    '__pycache__/',
    '/.tools/',
    '/build/',
  ],
  npmignoreEnabled: true,
});

// The npm tarball is also embedded in the Python wheel and the Maven jar: keep the repository's
// apps, virtualenvs and tools out of it (a consumer's .venv alone is hundreds of MB).
for (const pattern of ['/consumers/', '/scripts/', '/examples/', '/integ/', '/bench/', '/docs/', '/.ci/',
  '/.tools/', '/build/', 'cdk.out/', '/cdk.json', '/tsconfig.check.json', '/.cfnlintrc.yaml']) {
  project.addPackageIgnore(pattern);
}
// The layer fixture and the example's layer are real Node.js layer layouts (nodejs/node_modules/...).
project.gitignore.include('/test/fixtures/layer/nodejs/node_modules/');
project.gitignore.include('/examples/layers/shared/nodejs/node_modules/');

// `npm ci` fails on projen's lockfile without this pin (shared/toolchain.md).
project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

// Integration snapshots: written without an AWS account (--dry-run), verified on every test run.
const integArgs = '--language typescript --directory integ --parallel-regions us-east-1';
const integVerify = project.addTask('integ:verify', {
  description: 'Verify the committed integ-runner snapshots against a fresh synthesis',
  env: { TS_NODE_TRANSPILE_ONLY: 'true' },
  exec: `integ-runner ${integArgs}`,
});
project.addTask('integ:update', {
  description: 'Rewrite the integ-runner snapshots (dry run: nothing is deployed)',
  env: { TS_NODE_TRANSPILE_ONLY: 'true' },
  exec: `integ-runner ${integArgs} --update-on-failed --dry-run`,
});
// ts-jest does not type-check; this covers every TypeScript file outside src/ too.
new JsonFile(project, 'tsconfig.check.json', {
  obj: {
    extends: './tsconfig.json',
    compilerOptions: { noEmit: true, rootDir: '.', types: ['jest', 'node'] },
    include: ['src/**/*.ts', 'test/**/*.ts', 'integ/**/*.ts', 'examples/**/*.ts', 'bench/**/*.ts'],
    exclude: ['node_modules', 'cdk.out', '**/*.snapshot/**', 'consumers', 'bench/out'],
  },
});
// Each dev folder gets a tsconfig like test/'s, so eslint's project service finds its files.
for (const dir of ['integ', 'examples', 'bench']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: {
      extends: '../tsconfig.json',
      compilerOptions: { noEmit: true, rootDir: '..', stripInternal: true, isolatedModules: true },
      include: ['**/*.ts', '../src/**/*.ts', '../test/helpers/**/*.ts'],
      exclude: ['node_modules', '**/*.snapshot/**', 'out'],
    },
  });
}
const typecheck = project.addTask('test:typecheck', {
  description: 'Type-check tests, integ tests, examples and benchmarks (ts-jest does not)',
  exec: 'tsc -p tsconfig.check.json',
});
project.testTask.spawn(typecheck);
project.testTask.spawn(integVerify);

// The example app: `npx cdk synth` at the repository root writes cdk.out/.
new JsonFile(project, 'cdk.json', {
  obj: {
    app: 'npx ts-node --transpile-only -P tsconfig.check.json examples/app.ts',
    output: 'cdk.out',
    context: {},
  },
});
project.addTask('synth:example', {
  description: 'Synthesize the example app into cdk.out/',
  exec: 'cdk synth --quiet',
});

// Python and Java users (issue 5): build both packages, synthesize the example app from them and
// require TypeScript's templates, then run cfn-lint and checkov over every template. Part of `test`
// (so of `build`, the README's test command). `package` builds only JavaScript, locally as on CI,
// because `test:polyglot` builds Python and Java itself (projen's non-CI package-all would build them
// a second time).
project.packageTask.reset();
project.packageTask.spawn(project.tasks.tryFind('package:js')!);
const consumers = project.addTask('test:consumers', {
  description: 'Synthesize the example app in TypeScript, Python (dist/python) and Java (dist/java); require identical templates',
  exec: 'bash scripts/consumers.sh',
});
const validators = project.addTask('test:validators', {
  description: 'cfn-lint (+ serverless rules) and checkov over the example app and the integ snapshots',
  exec: 'bash scripts/validators.sh',
});
const rosetta = project.addTask('test:rosetta', {
  description: 'Compile the README examples with jsii-rosetta (strict); check their Python translations',
  exec: 'bash scripts/rosetta.sh',
});
const polyglot = project.addTask('test:polyglot', {
  description: 'Rosetta-compile the docs, build the Python and Java packages, run their consumers, then the external validators',
});
// Each step is timed into build/timings.txt (printed by .ci/run).
polyglot.exec(`bash scripts/timed.sh "rosetta (README)" projen ${rosetta.name}`);
polyglot.exec('bash scripts/timed.sh "package python" projen package:python');
// Maven Central's metadata for cdknag lists no 3.x release: register it in the user's local repository
// (scripts/maven-local-metadata.sh) and let jsii-pacmak's Maven use that repository (by default it
// uses a throw-away one) so the [3.0.2,4.0.0) range resolves.
const packageJava = project.tasks.tryFind('package:java')!;
packageJava.reset('jsii-pacmak -v --target java --maven-local-repository "$HOME/.m2/repository"');
polyglot.exec('bash scripts/timed.sh "maven: register cdknag" bash scripts/maven-local-metadata.sh');
polyglot.exec('bash scripts/timed.sh "package java" projen package:java');
polyglot.spawn(consumers);
polyglot.spawn(validators);
project.testTask.spawn(polyglot);

// Benchmarks (bench/README.md): `npm run bench -- bundling|synth|coldstart|scale|all|smoke`. Scratch apps go to bench/out/.
project.addTask('bench', {
  description: 'Run a benchmark: bundling, synth, coldstart, scale (or all; smoke = all at their smallest size); prints ratios measured side by side',
  env: { TS_NODE_TRANSPILE_ONLY: 'true' },
  exec: 'ts-node -P tsconfig.check.json bench/run.ts',
  receiveArgs: true,
});
// Every benchmark at its smallest size, so one that breaks fails the build (no timing is asserted).
const benchSmoke = project.addTask('bench:smoke', {
  description: 'Run every benchmark at its smallest size (a smoke test: fails when a benchmark breaks, asserts no time)',
  env: { TS_NODE_TRANSPILE_ONLY: 'true' },
  exec: 'ts-node -P tsconfig.check.json bench/run.ts smoke',
});
project.testTask.spawn(benchSmoke);

project.synth();
