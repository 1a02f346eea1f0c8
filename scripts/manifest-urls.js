// URL handling for manifest.xml, shared by the webpack build (which writes the production copy
// of the manifest) and test/manifest. CommonJS so webpack.config.js can require it as is.
"use strict";

/** Every URL in manifest.xml starts with this: the dev server `npm start` runs. */
const DEV_URL = "https://localhost:3000/";
/** The same without the trailing slash, as written in <AppDomain>. */
const DEV_ORIGIN = DEV_URL.slice(0, -1);

/**
 * The manifest for a deployment at `urlProd`: every dev-server URL moves under `urlProd` and the
 * dev origin (AppDomain) becomes urlProd's origin. Throws when `urlProd` is not an absolute https
 * URL ending in "/" (Office refuses http add-ins, and a missing slash would glue paths together).
 * @param {string} xml the manifest text
 * @param {string} urlProd e.g. "https://liaison.example.com/addin/"
 * @returns {string}
 */
function productionManifest(xml, urlProd) {
  if (typeof urlProd !== "string" || !/^https:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(urlProd) || !urlProd.endsWith("/")) {
    throw new Error(`production URL must be an absolute https:// URL ending with "/", got ${JSON.stringify(urlProd)}`);
  }
  const origin = new URL(urlProd).origin;
  const out = xml.split(DEV_URL).join(urlProd).split(DEV_ORIGIN).join(origin);
  const insecure = manifestUrls(out).filter((u) => !u.startsWith("https://"));
  if (insecure.length > 0) {
    throw new Error(`the production manifest would still contain non-https URLs: ${insecure.join(", ")}`);
  }
  return out;
}

/**
 * Every URL the manifest points at (attribute values and element text), in document order, each
 * once. Namespace declarations (xmlns…) and comments are not URLs Office loads and are left out.
 * @param {string} xml the manifest text
 * @returns {string[]}
 */
function manifestUrls(xml) {
  const body = xml.replace(/<!--[\s\S]*?-->/g, "");
  const found = [];
  const pattern = /(?:\s([\w:.-]+)\s*=\s*(["'])([a-z][a-z0-9+.-]*:\/\/[^"']*)\2)|(?:>\s*([a-z][a-z0-9+.-]*:\/\/[^<\s]*)\s*<)/gi;
  for (const m of body.matchAll(pattern)) {
    const attribute = m[1];
    if (attribute !== undefined && (attribute === "xmlns" || attribute.startsWith("xmlns:"))) continue;
    const url = decodeEntities(m[3] !== undefined ? m[3] : m[4]);
    if (!found.includes(url)) found.push(url);
  }
  return found;
}

/** Undoes the five predefined XML entities (a URL's query may contain &amp;). */
function decodeEntities(text) {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[name]);
}

module.exports = { DEV_URL, productionManifest, manifestUrls };
