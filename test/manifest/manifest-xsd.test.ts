// Structural check of manifest.xml (dev and production copies) against Microsoft's manifest XSDs
// with xmllint, the same check as the shared tools/validate-manifest.sh. The XSDs are vendored in
// test/manifest/xsd (see PROVENANCE.md there) so this runs on a fresh clone; xmllint comes from
// the libxml2-utils package (.ci/run installs it).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { productionManifest } from "../../scripts/manifest-urls.js";
import { requireFile, requireTool, testWhen } from "../support/requires";
import { MANIFEST_PATH, ROOT, readManifestText } from "./manifest-model";

const SCHEMA = join(__dirname, "xsd", "OfficeAppManifestV1_1.xsd");
const SHARED_SCRIPT = join(ROOT, "..", "shared", "tools", "validate-manifest.sh");
const XMLLINT = requireTool("xmllint", "xmllint", "Install it: apt-get install libxml2-utils.");
// CI copies the project's shared folder beside the clone (../shared); a developer's clone may not have it.
const SHARED = requireFile("the shared manifest check", SHARED_SCRIPT, "It comes with the shared folder beside the clone (../shared).");

function xmllint(file: string) {
  return spawnSync(XMLLINT!, ["--noout", "--nonet", "--schema", SCHEMA, file], { encoding: "utf8" });
}

const withXmllint = testWhen(XMLLINT);

withXmllint(`manifest.xml validates against the Office manifest XSD`, () => {
  const run = xmllint(MANIFEST_PATH);
  expect({ status: run.status, stderr: run.stderr.trim() }).toEqual({ status: 0, stderr: `${MANIFEST_PATH} validates` });
});

withXmllint(`the production manifest validates against the Office manifest XSD`, () => {
  const dir = mkdtempSync(join(tmpdir(), "liaison-manifest-"));
  try {
    const file = join(dir, "manifest.xml");
    writeFileSync(file, productionManifest(readManifestText(), "https://liaison.example.com/addin/"));
    const run = xmllint(file);
    expect({ status: run.status, stderr: run.stderr.trim() }).toEqual({ status: 0, stderr: `${file} validates` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

withXmllint(`the XSD check rejects a manifest with elements out of order`, () => {
  const dir = mkdtempSync(join(tmpdir(), "liaison-manifest-"));
  try {
    const file = join(dir, "manifest.xml");
    // Permissions must follow DefaultSettings; moving it first must fail (the check can fail).
    const xml = readManifestText();
    const permissions = "<Permissions>ReadWriteDocument</Permissions>";
    const broken = xml.replace(permissions, "").replace("<DefaultSettings>", `${permissions}\n  <DefaultSettings>`);
    writeFileSync(file, broken);
    expect(xmllint(file).status).not.toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

testWhen(XMLLINT, SHARED)("the shared validate-manifest.sh accepts manifest.xml", () => {
  const run = spawnSync("sh", [SHARED_SCRIPT, "manifest.xml"], { cwd: ROOT, encoding: "utf8" });
  expect({ status: run.status, stderr: run.stderr.trim() }).toEqual({ status: 0, stderr: "manifest.xml validates" });
});
