// Structural check of manifest.xml (dev and production copies) against Microsoft's manifest XSDs
// with xmllint, the same check as the shared tools/validate-manifest.sh. The XSDs are vendored in
// test/manifest/xsd (see PROVENANCE.md there) so this runs on a fresh clone; xmllint comes from
// the libxml2-utils package (.ci/run installs it).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { productionManifest } from "../../scripts/manifest-urls.js";
import { MANIFEST_PATH, ROOT, readManifestText } from "./manifest-model";

const SCHEMA = join(__dirname, "xsd", "OfficeAppManifestV1_1.xsd");
const SHARED_SCRIPT = join(ROOT, "..", "shared", "tools", "validate-manifest.sh");
const haveXmllint = spawnSync("xmllint", ["--version"]).status === 0;

function xmllint(file: string) {
  return spawnSync("xmllint", ["--noout", "--nonet", "--schema", SCHEMA, file], { encoding: "utf8" });
}

const withXmllint = haveXmllint ? test : test.skip;
const why = haveXmllint ? "" : " (skipped: xmllint not installed — apt-get install libxml2-utils)";

withXmllint(`manifest.xml validates against the Office manifest XSD${why}`, () => {
  const run = xmllint(MANIFEST_PATH);
  expect({ status: run.status, stderr: run.stderr.trim() }).toEqual({ status: 0, stderr: `${MANIFEST_PATH} validates` });
});

withXmllint(`the production manifest validates against the Office manifest XSD${why}`, () => {
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

withXmllint(`the XSD check rejects a manifest with elements out of order${why}`, () => {
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

const withSharedScript = haveXmllint && existsSync(SHARED_SCRIPT) ? test : test.skip;
withSharedScript(
  `the shared validate-manifest.sh accepts manifest.xml${existsSync(SHARED_SCRIPT) ? why : " (skipped: ../shared/tools/validate-manifest.sh not present in this checkout)"}`,
  () => {
    const run = spawnSync("sh", [SHARED_SCRIPT, "manifest.xml"], { cwd: ROOT, encoding: "utf8" });
    expect({ status: run.status, stderr: run.stderr.trim() }).toEqual({ status: 0, stderr: "manifest.xml validates" });
  },
);
