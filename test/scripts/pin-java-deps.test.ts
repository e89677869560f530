import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pinPom } = require('../../scripts/pin-java-deps.js');

const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'pin-java-deps.js');

/** The dependencies section jsii-pacmak writes for the peer range `>=2.38.2 <4.0.0`. */
const POM = `<project>
  <dependencies>
    <dependency>
      <groupId>software.amazon.awscdk</groupId>
      <artifactId>aws-cdk-lib</artifactId>
      <version>[2.257.0,3.0.0)</version>
    </dependency>
    <dependency>
      <groupId>io.github.cdklabs</groupId>
      <artifactId>cdknag</artifactId>
      <version>[2.38.2,4.0.0)</version>
    </dependency>
  </dependencies>
</project>
`;

test('only the cdknag dependency gets the exact version; every other range stays', () => {
  const { xml, pinned } = pinPom(POM, '3.0.2');
  expect(pinned).toBe(1);
  expect(xml).toContain('<artifactId>cdknag</artifactId>\n      <version>3.0.2</version>');
  expect(xml).toContain('<version>[2.257.0,3.0.0)</version>');
});

test('rewrites the POMs of a Maven repository layout and their checksums', () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'pin-java-'));
  const dir = path.join(dist, 'io', 'github', 'x', 'lib', '1.0.0');
  fs.mkdirSync(dir, { recursive: true });
  const pom = path.join(dir, 'lib-1.0.0.pom');
  fs.writeFileSync(pom, POM);
  fs.writeFileSync(`${pom}.sha1`, 'stale');
  fs.writeFileSync(`${pom}.md5`, 'stale');
  execFileSync('node', [SCRIPT, dist, '3.0.2'], { stdio: 'pipe' });
  const xml = fs.readFileSync(pom, 'utf8');
  expect(xml).toContain('<version>3.0.2</version>');
  expect(fs.readFileSync(`${pom}.sha1`, 'utf8')).toBe(crypto.createHash('sha1').update(xml).digest('hex'));
  expect(fs.readFileSync(`${pom}.md5`, 'utf8')).toBe(crypto.createHash('md5').update(xml).digest('hex'));
  fs.rmSync(dist, { recursive: true, force: true });
});

test('fails without a POM, without a cdknag dependency, or with a range for a version', () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'pin-java-'));
  expect(() => execFileSync('node', [SCRIPT, empty, '3.0.2'], { stdio: 'pipe' })).toThrow(/no POM/);
  fs.writeFileSync(path.join(empty, 'x.pom'), '<project><dependencies></dependencies></project>');
  expect(() => execFileSync('node', [SCRIPT, empty, '3.0.2'], { stdio: 'pipe' })).toThrow(/no io.github.cdklabs:cdknag/);
  expect(() => execFileSync('node', [SCRIPT, empty, '[3.0.2,4)'], { stdio: 'pipe' })).toThrow(/not an exact version/);
  fs.rmSync(empty, { recursive: true, force: true });
});
