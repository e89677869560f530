#!/usr/bin/env python3
"""Reads the cfn-lint and checkov results of scripts/validators.sh and decides.

Fails on: any cfn-lint error or warning; any failed checkov check; any cfn-lint rule ignored or
checkov check skipped in a template's Metadata whose id docs/validators.md does not mention (so
every suppression the library writes is justified where users read it). Informational cfn-lint
findings are listed, not failed.

Closes with one `validators: N passed, N failed` line (N counts templates under cfn-lint plus
checks under checkov).
"""
import argparse
import json
import sys
from collections import defaultdict


def load_json(path):
    with open(path, encoding="utf-8") as f:
        text = f.read().strip()
    return json.loads(text) if text else []


def load_known(path):
    """(tool, rule, template, logical id) of each triaged finding; columns are tab-separated, # comments."""
    known = set()
    if not path:
        return known
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            tool, rule, template, resource = line.split("\t")[:4]
            known.add((tool, rule, template, resource))
    return known


def template_suppressions(templates):
    """(tool, id) -> resources whose Metadata suppresses it, and the reason where the tool keeps one."""
    found = defaultdict(list)
    for path in templates:
        with open(path, encoding="utf-8") as f:
            template = json.load(f)
        for logical_id, resource in (template.get("Resources") or {}).items():
            metadata = resource.get("Metadata") or {}
            for rule in ((metadata.get("cfn-lint") or {}).get("config") or {}).get("ignore_checks") or []:
                found[("cfn-lint", rule)].append(f"{path}:{logical_id}")
            for skip in (metadata.get("checkov") or {}).get("skip") or []:
                found[("checkov", skip.get("id"))].append(f"{path}:{logical_id}")
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cfn-lint", required=True)
    parser.add_argument("--checkov", required=True)
    parser.add_argument("--justifications", required=True)
    parser.add_argument("--known", help="scripts/validators-known.tsv: findings triaged but not fixed yet")
    parser.add_argument("templates", nargs="+")
    args = parser.parse_args()

    passed = failed = 0
    known = load_known(args.known)
    seen_known = set()

    def is_known(tool, rule, path, resource):
        key = (tool, rule, path, resource)
        if key in known:
            seen_known.add(key)
            return True
        return False

    # ---- cfn-lint: per template
    matches = load_json(args.cfn_lint)
    by_file = defaultdict(list)
    for m in matches:
        by_file[m["Filename"]].append(m)
    print("cfn-lint (with cfn-lint-serverless):")
    for path in args.templates:
        findings = by_file.get(path, [])
        blocking = []
        for m in findings:
            line = m["Location"]["Start"]["LineNumber"]
            resource = m["Location"]["Path"][1] if len(m["Location"].get("Path") or []) > 1 else "-"
            triaged = is_known("cfn-lint", m["Rule"]["Id"], path, resource)
            if m["Level"] in ("Error", "Warning") and not triaged:
                blocking.append(m)
            label = "KNOWN" if triaged else m["Level"].upper()
            print(f"  {label:13} {m['Rule']['Id']} {path}:{line} {m['Message']}")
        if blocking:
            failed += 1
            print(f"  FAIL  {path}: {len(blocking)} error(s)/warning(s)")
        else:
            passed += 1
            print(f"  ok    {path}")

    # ---- checkov: per check
    reports = load_json(args.checkov)
    reports = reports if isinstance(reports, list) else [reports]
    print("checkov:")
    checkov_passed = checkov_failed = checkov_skipped = 0
    for report in reports:
        if "results" not in report:
            continue
        results = report["results"]
        checkov_passed += len(results.get("passed_checks", []))
        checkov_skipped += len(results.get("skipped_checks", []))
        for check in results.get("failed_checks", []):
            path = check["file_path"].lstrip("/")
            resource = check["resource"].split(".", 1)[-1]
            if is_known("checkov", check["check_id"], path, resource):
                print(f"  KNOWN {check['check_id']} {check['resource']} in {path}: {check['check_name']}")
                continue
            checkov_failed += 1
            print(f"  FAIL  {check['check_id']} {check['resource']} in {path}: {check['check_name']}")
        if report.get("summary", {}).get("parsing_errors"):
            checkov_failed += 1
            print(f"  FAIL  parsing errors: {report['summary']['parsing_errors']}")
    if not any("results" in r for r in reports):
        checkov_failed += 1
        print("  FAIL  checkov produced no results")
    print(f"  {checkov_passed} checks passed, {checkov_failed} failed, {checkov_skipped} skipped by the library's Metadata")
    passed += checkov_passed
    failed += checkov_failed

    # ---- every suppression in the templates must be justified in the docs
    with open(args.justifications, encoding="utf-8") as f:
        docs = f.read()
    print("suppressions written by the library (each justified in " + args.justifications + "):")
    for (tool, rule), where in sorted(template_suppressions(args.templates).items()):
        justified = f"`{rule}`" in docs
        print(f"  {'ok   ' if justified else 'FAIL '} {tool} {rule}: {len(where)} resource(s)"
              + ("" if justified else f" -- not justified in {args.justifications}"))
        if justified:
            passed += 1
        else:
            failed += 1

    for key in sorted(known - seen_known):
        failed += 1
        print(f"  FAIL  known finding no longer reported, remove it from {args.known}: {' '.join(key)}")
    if known:
        print(f"known findings (triaged, listed in {args.known} and docs/validators.md): {len(seen_known)}")

    print(f"validators: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
