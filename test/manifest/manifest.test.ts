// What the XSD cannot check in manifest.xml: references resolve to the right kind of resource,
// ids are unique and short enough, every zh-CN string has its en-US form, icons exist at the size
// the manifest declares, the production copy is https-only, and the API minimum matches the code.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Element } from "@xmldom/xmldom";
import { DEV_URL, manifestUrls, productionManifest } from "../../scripts/manifest-urls.js";
import {
  NS,
  ROOT,
  allElements,
  elements,
  expectedKind,
  localeSetting,
  only,
  parseXml,
  readManifestText,
  residReferences,
  resources,
  topLevel,
} from "./manifest-model";
import { pngSize } from "./png";

const xml = readManifestText();
const doc = parseXml(xml);
const allResources = resources(doc);
const references = residReferences(doc);

function resource(id: string) {
  const found = allResources.filter((r) => r.id === id);
  if (found.length !== 1) throw new Error(`resource ${id}: ${found.length} definitions`);
  return found[0];
}

/** The repository file a dev-server URL serves (assets/ is copied to the server root as is). */
function fileForDevUrl(url: string): string {
  expect(url.startsWith(DEV_URL)).toBe(true);
  return join(ROOT, ...url.slice(DEV_URL.length).split("/"));
}

describe("manifest.xml identity", () => {
  test("is a TaskPaneApp for Excel (Workbook) asking for ReadWriteDocument", () => {
    const root = doc.documentElement as Element;
    expect(root.localName).toBe("OfficeApp");
    expect(root.getAttributeNS(NS.xsi, "type")).toBe("TaskPaneApp");
    expect(topLevel(doc, "Permissions")[0]?.textContent).toBe("ReadWriteDocument");
    const hosts = elements(topLevel(doc, "Hosts")[0], NS.office, "Host").map((h) => h.getAttribute("Name"));
    expect(hosts).toEqual(["Workbook"]);
    const vHosts = elements(only(doc, NS.overrides, "Hosts"), NS.overrides, "Host").map((h) => h.getAttributeNS(NS.xsi, "type"));
    expect(vHosts).toEqual(["Workbook"]);
  });

  test("Id is a GUID and Version follows package.json", () => {
    expect(topLevel(doc, "Id")[0]?.textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(topLevel(doc, "Version")[0]?.textContent).toBe(`${pkg.version}.0`);
  });

  test("zh-CN is the default locale and the display name is the product's", () => {
    expect(topLevel(doc, "DefaultLocale")[0]?.textContent).toBe("zh-CN");
    expect(localeSetting(doc, "DisplayName").defaultValue).toBe("Liaison · 沟通协作助手");
  });

  test("the task pane opens from the default settings and from the ribbon button on the same page", () => {
    const source = only(only(doc, NS.office, "DefaultSettings"), NS.office, "SourceLocation").getAttribute("DefaultValue");
    expect(source).toBe(`${DEV_URL}taskpane.html`);
    const action = elements(doc, NS.overrides, "Action").find((a) => a.getAttributeNS(NS.xsi, "type") === "ShowTaskpane");
    if (!action) throw new Error("no ShowTaskpane action");
    expect(only(action, NS.overrides, "TaskpaneId").textContent).toBe("ButtonId1");
    const resid = only(action, NS.overrides, "SourceLocation").getAttribute("resid") ?? "";
    expect(resource(resid).defaultValue).toBe(source);
  });

  test("the ribbon has the custom tab 沟通协作 with the button 打开助手", () => {
    const tab = only(doc, NS.overrides, "CustomTab");
    const tabLabel = elements(tab, NS.overrides, "Label").find((l) => l.parentNode === tab);
    expect(resource(tabLabel?.getAttribute("resid") ?? "").defaultValue).toBe("沟通协作");
    const buttons = elements(tab, NS.overrides, "Control").filter((c) => c.getAttributeNS(NS.xsi, "type") === "Button");
    const labels = buttons.map((b) => resource(only(b, NS.overrides, "Label").getAttribute("resid") ?? "").defaultValue);
    expect(labels).toContain("打开助手");
  });
});

describe("manifest.xml resources", () => {
  test("every resid resolves to exactly one resource of the kind its element needs", () => {
    expect(references.length).toBeGreaterThan(0);
    for (const ref of references) {
      const matches = allResources.filter((r) => r.id === ref.resid);
      expect({ ref: ref.path, resid: ref.resid, kinds: matches.map((m) => m.kind) }).toEqual({
        ref: ref.path,
        resid: ref.resid,
        kinds: [expectedKind(ref.element)],
      });
    }
  });

  test("every resource is used", () => {
    const used = new Set(references.map((r) => r.resid));
    expect(allResources.filter((r) => !used.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  test("ids are unique across the manifest and at most 32 characters", () => {
    const ids = allElements(doc)
      .filter((el) => el.hasAttribute("id"))
      .map((el) => el.getAttribute("id") ?? "");
    expect(ids.length).toBeGreaterThan(allResources.length);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => id.length === 0 || id.length > 32)).toEqual([]);
  });

  test("every zh-CN string has a non-empty en-US override", () => {
    const strings = allResources.filter((r) => r.kind === "ShortStrings" || r.kind === "LongStrings");
    expect(strings.length).toBeGreaterThan(0);
    const settings = ["DisplayName", "Description"].map((name) => ({ id: name, ...localeSetting(doc, name) }));
    for (const s of [...strings, ...settings]) {
      expect({ id: s.id, zh: s.defaultValue.trim().length > 0 }).toEqual({ id: s.id, zh: true });
      expect({ id: s.id, en: (s.overrides.get("en-US") ?? "").trim().length > 0 }).toEqual({ id: s.id, en: true });
      // The default value is the Chinese text: at least one CJK character.
      expect({ id: s.id, cjk: /[\u4e00-\u9fff]/.test(s.defaultValue) }).toEqual({ id: s.id, cjk: true });
    }
  });
});

describe("manifest.xml icons", () => {
  test("every icon a button or group uses exists in assets/ at the size it is declared with", () => {
    const iconRefs = references.filter((r) => r.element === "Image");
    expect(iconRefs.length).toBeGreaterThan(0);
    for (const ref of iconRefs) {
      const file = fileForDevUrl(resource(ref.resid).defaultValue);
      expect(file.startsWith(join(ROOT, "assets"))).toBe(true);
      const { width, height } = pngSize(readFileSync(file));
      expect({ resid: ref.resid, width, height }).toEqual({ resid: ref.resid, width: ref.size, height: ref.size });
    }
  });

  test.each([
    ["IconUrl", 32],
    ["HighResolutionIconUrl", 64],
  ])("%s is a %ipx PNG in assets/", (name, size) => {
    const file = fileForDevUrl(localeSetting(doc, name).defaultValue);
    expect(pngSize(readFileSync(file))).toEqual({ width: size, height: size });
  });

  test("assets/ holds the 16, 32, 64, 80 and 128 px icons the build ships", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(readFileSync(join(ROOT, "assets", `icon-${size}.png`)))).toEqual({ width: size, height: size });
    }
  });
});

describe("manifest.xml URLs", () => {
  const PROD = "https://liaison.example.com/addin/";

  test("manifestUrls lists exactly the URL-valued attributes and AppDomains the parser sees", () => {
    const fromParser = new Set<string>();
    for (const el of allElements(doc)) {
      for (const attr of ["DefaultValue", "Value"]) {
        const v = el.getAttribute(attr);
        if (v && /^[a-z]+:\/\//i.test(v)) fromParser.add(v);
      }
    }
    for (const d of elements(doc, NS.office, "AppDomain")) fromParser.add((d.textContent ?? "").trim());
    expect(new Set(manifestUrls(xml))).toEqual(fromParser);
    expect(manifestUrls(xml).every((u) => u === DEV_URL.slice(0, -1) || u.startsWith(DEV_URL))).toBe(true);
  });

  test("the production manifest is https-only and never mentions the dev server", () => {
    const prod = productionManifest(xml, PROD);
    expect(prod).not.toMatch(/localhost/);
    const urls = manifestUrls(prod);
    expect(urls.length).toBe(manifestUrls(xml).length);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
    expect(urls.filter((u) => u !== "https://liaison.example.com" && !u.startsWith(PROD))).toEqual([]);
    // Still one parseable manifest with the same resources.
    expect(resources(parseXml(prod)).map((r) => r.id)).toEqual(allResources.map((r) => r.id));
    expect(only(parseXml(prod), NS.office, "AppDomain").textContent).toBe("https://liaison.example.com");
  });

  test.each([
    ["http://liaison.example.com/"],
    ["https://liaison.example.com"],
    ["https://liaison.example.com/addin"],
    ["liaison.example.com/"],
    ["/addin/"],
    [""],
  ])("productionManifest refuses %j", (url) => {
    expect(() => productionManifest(xml, url)).toThrow(/https:\/\/ URL ending with "\/"/);
  });

  test("productionManifest refuses a manifest that would keep an http URL", () => {
    const withHttp = xml.replace(`${DEV_URL}support.html`, "http://example.com/support.html");
    expect(() => productionManifest(withHttp, PROD)).toThrow(/non-https URLs: http:\/\/example\.com\/support\.html/);
  });
});

describe("manifest.xml API requirement", () => {
  const requirementsFile = join(ROOT, "src", "workbook", "officejs", "requirements.ts");
  const excelApiSets = elements(topLevel(doc, "Requirements")[0], NS.office, "Set").filter((s) => s.getAttribute("Name") === "ExcelApi");

  test("asks for one ExcelApi set with a MinVersion", () => {
    expect(excelApiSets).toHaveLength(1);
    expect(excelApiSets[0].getAttribute("MinVersion")).toMatch(/^1\.\d+$/);
  });

  test("ExcelApi MinVersion equals REQUIRED_EXCEL_API of the Office.js adapter", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(requirementsFile) as { REQUIRED_EXCEL_API?: unknown };
    const required = mod.REQUIRED_EXCEL_API;
    const version =
      typeof required === "string"
        ? required
        : typeof required === "object" && required !== null && "version" in required
          ? String((required as { version: unknown }).version)
          : undefined;
    if (version === undefined) throw new Error(`REQUIRED_EXCEL_API has an unexpected shape: ${JSON.stringify(required)}`);
    expect(excelApiSets[0].getAttribute("MinVersion")).toBe(version);
  });
});
