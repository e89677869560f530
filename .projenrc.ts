import { awscdk, DependencyType, github, javascript, JsonFile } from 'projen';

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

  // Releases (docs/releasing.md): projen's release workflow (GitHub Actions) bumps the version from
  // conventional commits, writes the changelog, tags, and publishes to npm, PyPI and Maven Central; the
  // build workflow runs `npx projen build`, the same command as `.ci/run` (which stays the local gate).
  github: true,
  githubOptions: { mergify: false, pullRequestLint: true },
  buildWorkflow: true,
  release: true,
  releaseToNpm: true,
  // 0.x until the API is declared stable: a breaking change bumps the minor version.
  majorVersion: 0,
  // Construct Hub: shown as experimental until 1.0.
  stability: 'experimental',
  // The workflows run on the newest Node.js LTS line the toolchain supports; `.ci/run` runs the same
  // build on the machine's Node.js (20 here), the lowest version the package declares (engines).
  workflowNodeVersion: '22.x',
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

  // Blueprints.applyTo registers cdk-nag packs at synth, so users need cdk-nag at run time: either line,
  // 2.x (Aspects, `cdk_nag` metadata) or 3.x (validation plugins), docs/compliance.md. One comparator set,
  // not `^2.38.2 || ^3.0.2`: jsii-pacmak turns each `||` alternative into comma-joined Python specifiers,
  // and `>=2.38.2, <3.0.0, >=3.0.2, <4.0.0` is unsatisfiable for pip. Java gets an exact version Maven
  // Central has (scripts/pin-java-deps.js).
  peerDeps: ['cdk-nag@>=2.38.2 <4.0.0'],
  // projen would pin the peer's lowest version (2.38.2) as the dev dependency; develop on 3.x instead.
  peerDependencyOptions: { pinnedDevDependency: false },
  // Node.js versions the library supports (aws-cdk-lib 2.x and jsii 6 need 20 or newer).
  minNodeVersion: '20.16.0',

  devDeps: [
    // pinnedDevDependency is off (see above): the peers' development versions, given here.
    'aws-cdk-lib@2.257.0',
    'cdk-nag@3.0.2',
    // The other cdk-nag line, for tests that run its five packs (test/compliance/nag-v2.test.ts).
    'cdk-nag-v2@npm:cdk-nag@2.38.2',
    '@aws-cdk/integ-tests-alpha@2.245.0-alpha.0',
    '@aws-cdk/integ-runner@2.197.10',
    'aws-cdk@^2',
    'esbuild@^0.28.0',
    // bench/coldstart: a handler using the DynamoDB client, bundled by us and by NodejsFunction.
    '@aws-sdk/client-dynamodb@^3',
    // AWS Control Tower proactive controls as cfn-guard rules (issue 25): test/compliance/control-tower*.test.ts
    // runs them over every integ snapshot and the example app. Not a peer dependency, not even an optional
    // one: jsii writes every peer into the assembly's dependencies (peerDependenciesMeta is ignored), so
    // pip and Maven would install it, cfn-guard binaries included, for every user. `controlTower: true`
    // loads it when the app installed it; Python and Java pass `controlTowerValidator` (docs/compliance.md).
    '@cdklabs/cdk-validator-cfnguard@0.0.62',
    // The blueprint report is checked in Debian's headless Chromium (scripts/chromium.sh installs it where
    // missing): puppeteer-core drives it and downloads no browser of its own.
    'puppeteer-core@24.43.1',
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
    '/node_modules', // also a symlink (a worktree sharing another checkout's modules)
    'cdk.out/',
    '/integ/**/cdk-integ.out.*',
    '/integ/**/*.snapshot/asset.*',
    '.cdk.staging/',
    '/bench/out/',
    '/consumers/**/cdk.out/',
    '/consumers/python/.venv/',
    '/consumers/java/target/',
    '/consumers/java/handler/target/',
    '__pycache__/',
    '/.tools/',
    '/build/',
  ],
  npmignoreEnabled: true,
  // `npx cdk-lambda-blueprints report cdk.out`: the blueprint report of an existing cloud assembly.
  bin: { 'cdk-lambda-blueprints': 'bin/cdk-lambda-blueprints' },
});

// projen's CDK dependencies remove any dev `constructs` given in devDeps: pin its development version here.
project.deps.addDependency('constructs@10.5.1', DependencyType.BUILD);

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
// The blueprint report's browser test needs a headless Chromium: Debian's package, installed where missing
// (before jest, so the install never counts against a test's timeout).
const chromium = project.addTask('test:chromium', {
  description: 'Find (or install) the headless Chromium of the report\'s browser test (scripts/chromium.sh)',
  exec: 'bash scripts/chromium.sh',
});
project.testTask.prependSpawn(chromium);

// The feature flags a new `cdk init app` gets with this aws-cdk-lib (its recommended-feature-flags.json),
// in the example app and in its Python and Java twins alike: the three must synthesize the same templates.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const recommendedFlags: Record<string, unknown> = require('aws-cdk-lib/recommended-feature-flags.json');
const featureFlags = Object.fromEntries(Object.keys(recommendedFlags).sort().map((k) => [k, recommendedFlags[k]]));

// The example app: `npx cdk synth` at the repository root writes cdk.out/.
new JsonFile(project, 'cdk.json', {
  obj: {
    app: 'npx ts-node --transpile-only -P tsconfig.check.json examples/app.ts',
    output: 'cdk.out',
    context: featureFlags,
  },
});
new JsonFile(project, 'consumers/python/cdk.json', {
  obj: { app: '.venv/bin/python app.py', output: 'cdk.out', context: featureFlags },
});
new JsonFile(project, 'consumers/java/cdk.json', {
  obj: { app: 'mvn --batch-mode --quiet -Dstyle.color=never compile exec:java', output: 'cdk.out', context: featureFlags },
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
  description: 'Rosetta-compile the docs, build the Python and Java packages, run their consumers, the external validators, and the example app on the newest aws-cdk-lib',
});
// Each step is timed into build/timings.txt (printed by .ci/run).
polyglot.exec(`bash scripts/timed.sh "rosetta (README)" projen ${rosetta.name}`);
polyglot.exec('bash scripts/timed.sh "package python" projen package:python');
// Java: jsii-pacmak compiles against the Maven range it derives from the cdk-nag peer range, which
// Central's metadata for cdknag cannot satisfy (it lists no 3.x release): register the development
// version in the local repository first (scripts/maven-local-metadata.sh) and let jsii-pacmak's Maven
// use that repository (by default it uses a throw-away one). The published POM then gets that exact
// version, which Maven Central serves without metadata (scripts/pin-java-deps.js), so Java users
// resolve everything from Central alone. The release workflow runs this same task.
const packageJava = project.tasks.tryFind('package:java')!;
packageJava.reset('bash scripts/maven-local-metadata.sh');
packageJava.exec('jsii-pacmak -v --target java --maven-local-repository "$HOME/.m2/repository"');
packageJava.exec('node scripts/pin-java-deps.js');
polyglot.exec('bash scripts/timed.sh "package java" projen package:java');
polyglot.spawn(consumers);
polyglot.spawn(validators);
// The oldest supported aws-cdk-lib (cdkVersion) is what everything above runs on; users on newer ones get
// aws-cdk-lib's built-in CloudFormation validator at every synth. The example app, from the packed
// library, on the newest aws-cdk-lib 2.x with that validator on: no finding may be left unacknowledged.
const newestCdk = project.addTask('test:newest-cdk', {
  description: 'Synthesize the example app from the packed library on the newest aws-cdk-lib 2.x, built-in validator on (build/newest-cdk/)',
  exec: 'bash scripts/newest-cdk.sh',
  receiveArgs: true,
});
polyglot.exec(`bash scripts/timed.sh "newest aws-cdk-lib" projen ${newestCdk.name}`);
project.testTask.spawn(polyglot);

// Node.js versions (engines: >= 20.16.0): the library's unit tests and integ snapshots on each
// supported LTS line. The build workflow runs the whole build on one (workflowNodeVersion).
const nodeVersions = new github.GithubWorkflow(project.github!, 'node-versions');
nodeVersions.on({ pullRequest: {}, workflowDispatch: {} });
nodeVersions.addJob('test', {
  runsOn: ['ubuntu-latest'],
  permissions: { contents: github.workflows.JobPermission.READ },
  strategy: { failFast: false, matrix: { domain: { node: ['20.x', '22.x', '24.x'] } } },
  steps: [
    { name: 'Checkout', uses: 'actions/checkout@v4' },
    { name: 'Setup Node.js', uses: 'actions/setup-node@v4', with: { 'node-version': '${{ matrix.node }}' } },
    { name: 'Install dependencies', run: 'npm ci' },
    { name: 'Compile (jsii)', run: 'npx projen compile' },
    { name: 'Unit tests', run: 'npx jest --ci' },
    { name: 'Integ snapshots', run: 'npx projen integ:verify' },
  ],
});

// Benchmarks (bench/README.md): `npm run bench -- bundling|synth|coldstart|scale|python|monitoring|all|smoke`. Scratch apps go to bench/out/.
project.addTask('bench', {
  description: 'Run a benchmark: bundling, synth, coldstart, scale, python, monitoring (or all; smoke = all at their smallest size); prints ratios or costs measured side by side',
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

// The PropShape tables the type checks of JavaScript and Python callers' props use
// (src/validation/prop-shapes.generated.ts), generated from the compiled .jsii by projenrc/prop-shapes.ts.
// Run it after changing a props interface and compiling; test/validation/prop-shapes.test.ts fails when
// the file is stale. It is not a compile step: the generated file is @internal, so it never changes .jsii.
project.addTask('prop-shapes', {
  description: 'Regenerate src/validation/prop-shapes.generated.ts from .jsii (run after compile)',
  env: { TS_NODE_TRANSPILE_ONLY: 'true' },
  exec: 'ts-node -P tsconfig.check.json projenrc/prop-shapes.ts',
});

project.synth();
