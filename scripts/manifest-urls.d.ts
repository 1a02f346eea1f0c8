// Types for scripts/manifest-urls.js (CommonJS, required by webpack.config.js and the tests).

/** The dev-server prefix every URL in manifest.xml starts with. */
export declare const DEV_URL: string;
/** manifest.xml retargeted at `urlProd` (absolute https URL ending with "/"); throws otherwise. */
export declare function productionManifest(xml: string, urlProd: string): string;
/** Every URL manifest.xml points at, in document order, each once (no xmlns, no comments). */
export declare function manifestUrls(xml: string): string[];
