#!/usr/bin/env node
// Pins the Java package's cdk-nag dependency to one exact version that Maven Central serves.
//
// npm users get the peer range `>=2.38.2 <4.0.0` (both cdk-nag lines). jsii-pacmak turns it into the
// Maven range [2.38.2,4.0.0), which Maven resolves through Central's maven-metadata.xml for
// io.github.cdklabs:cdknag, and that lists no 3.x release and no 2.38.x (its <latest> is 2.37.55, seen
// 2026-12), so the range would fail for every Java user. An exact version needs no metadata: Maven
// fetches .../cdknag/<version>/cdknag-<version>.pom directly. It is written as a soft requirement
// (`3.0.2`, not `[3.0.2]`), so a Java app that declares its own cdknag (2.x included) gets its own.
//
// Run after `jsii-pacmak --target java` (the `package:java` task): rewrites every POM under dist/java
// and its checksum files (.md5, .sha1, .sha256, .sha512) as Maven's deploy wrote them.
//
// Usage: node scripts/pin-java-deps.js [dist/java] [version]
//   version defaults to the cdk-nag the project develops against (node_modules/cdk-nag).
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const GROUP = 'io.github.cdklabs';
const ARTIFACT = 'cdknag';

/** Rewrites the <version> of the cdknag <dependency> in one POM's text; returns the new text. */
function pinPom(xml, version) {
  let pinned = 0;
  const out = xml.replace(/<dependency>([\s\S]*?)<\/dependency>/g, (dep, body) => {
    if (!body.includes(`<groupId>${GROUP}</groupId>`) || !body.includes(`<artifactId>${ARTIFACT}</artifactId>`)) {
      return dep;
    }
    pinned++;
    return `<dependency>${body.replace(/<version>[^<]*<\/version>/, `<version>${version}</version>`)}</dependency>`;
  });
  return { xml: out, pinned };
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

function main() {
  const dist = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist', 'java'));
  const version = process.argv[3] ?? require(require.resolve('cdk-nag/package.json', { paths: [ROOT] })).version;
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(`pin-java-deps: "${version}" is not an exact version`);
  }
  const poms = fs.existsSync(dist) ? walk(dist).filter((f) => f.endsWith('.pom')) : [];
  if (poms.length === 0) {
    throw new Error(`pin-java-deps: no POM under ${dist} (run jsii-pacmak --target java first)`);
  }
  for (const pom of poms) {
    const { xml, pinned } = pinPom(fs.readFileSync(pom, 'utf8'), version);
    if (pinned === 0) {
      throw new Error(`pin-java-deps: ${pom} has no ${GROUP}:${ARTIFACT} dependency`);
    }
    fs.writeFileSync(pom, xml);
    for (const algo of ['md5', 'sha1', 'sha256', 'sha512']) {
      if (fs.existsSync(`${pom}.${algo}`)) {
        fs.writeFileSync(`${pom}.${algo}`, crypto.createHash(algo).update(xml).digest('hex'));
      }
    }
    console.log(`pin-java-deps: ${path.relative(process.cwd(), pom)}: ${GROUP}:${ARTIFACT} ${version}`);
  }
}

if (require.main === module) {
  main();
}
module.exports = { pinPom };
