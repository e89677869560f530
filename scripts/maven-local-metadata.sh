#!/usr/bin/env bash
# Maven Central's maven-metadata.xml for io.github.cdklabs:cdknag lists no 3.x release (its <latest> is
# 2.37.55, seen 2026-11-23) although the 3.x artifacts are there, so Maven cannot resolve the version
# range jsii-pacmak derives from our cdk-nag peer range ([2.38.2,4.0.0)) while it compiles the Java
# package. Registering the development version in the local repository (install:install-file writes
# maven-metadata-local.xml) makes the range resolvable for that build. Java users need nothing of the
# kind: the published POM names that exact version (scripts/pin-java-deps.js), which Central serves.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
version="$(node -p "require('$ROOT/node_modules/cdk-nag/package.json').version")"
repo="$(mvn --batch-mode -q -Dstyle.color=never help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null | sed "s/\x1b\[[0-9;]*m//g" || true)"
[[ -d "$repo" ]] || repo="$HOME/.m2/repository"
dir="$repo/io/github/cdklabs/cdknag/$version"
if grep -q "<version>$version</version>" "$repo/io/github/cdklabs/cdknag/maven-metadata-local.xml" 2>/dev/null; then
  exit 0
fi
mvn --batch-mode -q -Dstyle.color=never dependency:get -Dartifact="io.github.cdklabs:cdknag:$version:pom" -Dtransitive=false
mvn --batch-mode -q -Dstyle.color=never dependency:get -Dartifact="io.github.cdklabs:cdknag:$version:jar" -Dtransitive=false
# install-file refuses a file that already lies in the repository: install from a copy.
tmp="$(mktemp -d)"
cp "$dir/cdknag-$version.jar" "$dir/cdknag-$version.pom" "$tmp/"
mvn --batch-mode -q -Dstyle.color=never install:install-file -Dfile="$tmp/cdknag-$version.jar" -DpomFile="$tmp/cdknag-$version.pom"
rm -rf "$tmp"
echo "maven: registered io.github.cdklabs:cdknag:$version in $repo"
