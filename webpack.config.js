/* Webpack build of the add-in's web pages, in the style of the official Office add-in template
 * (yo office, React/TypeScript): one entry per page, HtmlWebpackPlugin per page, the manifest and
 * the icons copied, a dev server on port 3000.
 *
 * Pages:
 *  - taskpane.html  the task pane inside Excel; loads office.js from Microsoft's CDN (required).
 *  - commands.html  the ribbon's function file, built only once src/commands/commands.ts exists;
 *                   validation-result.html is the dialog its 校验 button opens.
 *  - the validation Web Worker is a chunk of its own, found by webpack through
 *    `new Worker(new URL("./worker.ts", import.meta.url))` (src/app/validate/worker-client.ts).
 *  - preview.html   the same task pane beside an in-memory .xlsx: no Excel, no office.js. The
 *                   workbook (ExcelJS) lives in a Web Worker, a chunk of its own found through
 *                   `new Worker(new URL("./workbook.worker.ts", import.meta.url))`
 *                   (src/preview/worker/remote-workbook.ts).
 *  - index.html     sends a browser to the preview; support.html is the manifest's SupportUrl.
 *
 * Differences from the template, on purpose:
 *  - no core-js / regenerator / es6-promise polyfills: Office runs add-ins in WebView2 (Windows),
 *    WKWebView/Safari (Mac) or a current browser (Excel on the web); IE11 is not supported.
 *  - ts-loader with transpileOnly: `tsc --noEmit` does the type checking (npm test runs it).
 *  - heavy libraries (ExcelJS, docx, workers, the Office adapter) are reached through dynamic
 *    import(), so each is a chunk of its own loaded when first used; the task pane's initial
 *    script stays small.
 *  - https only where an Office host needs it (see devServerOptions).
 */
/* eslint-disable no-undef, @typescript-eslint/no-require-imports -- a CommonJS config file, as in the official template */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const hasCommands = fs.existsSync(path.resolve(__dirname, "src/commands/commands.ts"));
const manifestUrlsFile = path.resolve(__dirname, "scripts/manifest-urls.js");

/**
 * The dev server's protocol.
 * - Windows / macOS: https with the office-addin-dev-certs certificates (created and trusted on
 *   first use, as in the official template). Office sideloading only accepts https add-ins.
 * - Linux, CI, containers: plain http. Desktop Excel cannot sideload there anyway, the preview page
 *   needs no certificate, and installing a CA certificate needs a desktop trust store and sudo.
 *   `LIAISON_HTTPS=1` forces https (e.g. Excel on the web pointed at this machine); it then needs
 *   certificates (`npx office-addin-dev-certs install`). `LIAISON_HTTPS=0` forces http anywhere.
 */
function useHttps() {
  if (process.env.LIAISON_HTTPS === "1") return true;
  if (process.env.LIAISON_HTTPS === "0") return false;
  return process.platform === "win32" || process.platform === "darwin";
}

async function devServerOptions() {
  if (!useHttps()) return { type: "http" };
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
}

/**
 * The manifest as deployed. In production every https://localhost:3000/ URL moves to
 * LIAISON_URL_PROD through scripts/manifest-urls.js (which also checks the result). Without that
 * variable the copy keeps the dev URLs and the build warns, because the build cannot guess where
 * the add-in will be hosted.
 */
function manifestTransform(dev) {
  const urlProd = process.env.LIAISON_URL_PROD;
  return (content) => {
    if (dev || !urlProd) return content;
    if (fs.existsSync(manifestUrlsFile)) {
      const { productionManifest } = require(manifestUrlsFile);
      return productionManifest(content.toString(), urlProd);
    }
    return content.toString().split(DEV_URL).join(urlProd);
  };
}

/** Warns in a production build whose manifest still points at the dev server. */
class ManifestUrlWarningPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ManifestUrlWarningPlugin", (compilation) => {
      if (compiler.options.mode !== "production" || process.env.LIAISON_URL_PROD) return;
      compilation.warnings.push(
        new Error(
          "manifest*.xml keeps the dev-server URLs (https://localhost:3000/): set LIAISON_URL_PROD=https://your.host/path/ to retarget them.",
        ),
      );
    });
  }
}

/** `exceljs` from ".../node_modules/exceljs/dist", `fluentui-react-icons` from a scoped package. */
function packageName(context) {
  const m = /[\\/]node_modules[\\/]((@[^\\/]+[\\/])?[^\\/]+)/.exec(context);
  return m ? m[1].replace(/^@/, "").replace(/[\\/]/g, "-") : "misc";
}

/**
 * ExcelJS's browser build (dist/exceljs.min.js) is minified already; minifying its ~0.9 MB again
 * takes about a third of the production build and saves under 1 %. Chunks whose name matches are
 * flagged as minimized, which webpack's minimizer honours.
 */
class SkipPreminifiedPlugin {
  constructor(chunkName) {
    this.chunkName = chunkName;
  }
  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("SkipPreminifiedPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "SkipPreminifiedPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1 },
        () => {
          for (const chunk of compilation.chunks) {
            if (!chunk.name || !this.chunkName.test(chunk.name)) continue;
            for (const file of chunk.files) {
              if (file.endsWith(".js")) compilation.updateAsset(file, (source) => source, { minimized: true });
            }
          }
        },
      );
    });
  }
}

/**
 * The task pane's initial script (what Excel downloads before the pane shows anything) must stay
 * within the official template's hello-world: 169 kB gzipped. A production build that exceeds it
 * fails, naming the size, so the budget is checked on every `npm run build` rather than by hand.
 */
class InitialSizeBudgetPlugin {
  constructor(entry, maxGzipBytes) {
    this.entry = entry;
    this.maxGzipBytes = maxGzipBytes;
  }
  apply(compiler) {
    const zlib = require("zlib");
    const { Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("InitialSizeBudgetPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "InitialSizeBudgetPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const entrypoint = compilation.entrypoints.get(this.entry);
        if (!entrypoint || compiler.options.mode !== "production") return;
        const files = entrypoint.getFiles().filter((f) => f.endsWith(".js"));
        const size = files.reduce((sum, f) => sum + zlib.gzipSync(compilation.getAsset(f).source.buffer()).length, 0);
        const line = `${this.entry}: initial JS ${(size / 1000).toFixed(1)} kB gzipped (budget ${this.maxGzipBytes / 1000} kB): ${files.join(", ")}`;
        if (size > this.maxGzipBytes) compilation.errors.push(new WebpackError(`Over budget. ${line}`));
        else compilation.getLogger("InitialSizeBudgetPlugin").info(line);
      });
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  // Each page: its entry script (none for static pages) and its HTML.
  const pages = [
    {
      name: "taskpane",
      entry: "./src/taskpane/index.tsx",
      html: { filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] },
    },
    {
      name: "preview",
      entry: "./src/preview/index.tsx",
      html: { filename: "preview.html", template: "./src/preview/preview.html", chunks: ["preview"] },
    },
    { name: "index", html: { filename: "index.html", template: "./src/preview/index.html", inject: false } },
    { name: "support", html: { filename: "support.html", template: "./src/taskpane/support.html", inject: false } },
  ];
  if (hasCommands) {
    const own = path.resolve(__dirname, "src/commands/commands.html");
    pages.push({
      name: "commands",
      entry: "./src/commands/commands.ts",
      // The function file needs only office.js and its script; the commands folder's own page wins.
      html: { filename: "commands.html", template: fs.existsSync(own) ? own : "./src/taskpane/commands.html", chunks: ["commands"] },
    });
    // The dialog the 校验 command opens to show its result (same origin as the function file).
    pages.push({
      name: "validation-result",
      entry: "./src/commands/result.ts",
      html: { filename: "validation-result.html", template: "./src/commands/validation-result.html", chunks: ["validation-result"] },
    });
  }
  // `--env pages=preview,index` builds only those pages (the UI test needs just the preview).
  const only = typeof env.pages === "string" ? env.pages.split(",") : undefined;
  const built = only ? pages.filter((p) => only.includes(p.name)) : pages;
  const entry = Object.fromEntries(built.filter((p) => p.entry).map((p) => [p.name, p.entry]));

  return {
    devtool: dev ? "eval-source-map" : "source-map",
    entry,
    // Office's web views are evergreen Chromium (WebView2) or WebKit: ES2020 output, no polyfills.
    target: ["web", "es2020"],
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      // dist/cli holds the command-line bundle (scripts/build-cli.mjs): keep it.
      clean: { keep: /^cli[\\/]/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      // ExcelJS's browser build is self-contained; these Node built-ins are never reached in a page.
      fallback: { fs: false, path: false, stream: false, crypto: false },
    },
    module: {
      // ExcelJS's browser build is one self-contained (browserified, minified) file with no imports
      // for webpack to find: skip parsing its 0.9 MB.
      noParse: /[\\/]exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext][query]" } },
      ],
    },
    optimization: {
      // Only lazily loaded code is split (`async`): each page's initial script is one file, and
      // ExcelJS / docx / opencc / the adapters become chunks of their own behind import(), named
      // after their package so a bundle report reads plainly.
      splitChunks: {
        chunks: "async",
        cacheGroups: {
          defaultVendors: {
            test: /[\\/]node_modules[\\/]/,
            priority: -10,
            reuseExistingChunk: true,
            name: (module) => `vendor-${packageName(module.context || "")}`,
          },
        },
      },
    },
    // Rebuilds (npm start, the UI test) reuse earlier work, minification included.
    cache: { type: "filesystem", buildDependencies: { config: [__filename] } },
    performance: {
      // The lazy ExcelJS chunk is big by nature; the limit that matters is the task pane's initial
      // script, which InitialSizeBudgetPlugin enforces (gzipped, as it travels).
      maxAssetSize: 1_500_000,
      maxEntrypointSize: 700_000,
    },
    plugins: [
      ...built.map((p) => new HtmlWebpackPlugin(p.html)),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]", noErrorOnMissing: true },
          { from: "manifest*.xml", to: "[name][ext]", noErrorOnMissing: true, transform: manifestTransform(dev) },
        ],
      }),
      new ManifestUrlWarningPlugin(),
      new SkipPreminifiedPlugin(/^vendor-exceljs$/),
      new InitialSizeBudgetPlugin("taskpane", 169_000),
    ],
    // What a watching build (dev server, `npm run watch`) watches. The CopyWebpackPlugin glob
    // `manifest*.xml` makes the project root a context dependency, which webpack watches with
    // everything under it: without this, every write in node_modules/.cache (webpack's own cache,
    // the dev server's log from `npm start`), .git, dist/ or test-results/ starts a rebuild, whose
    // cache write starts the next one — a rebuild a second for as long as the server runs.
    watchOptions: {
      ignored: ["**/node_modules/**", "**/.git/**", "**/dist/**", "**/test-results/**", "**/coverage/**"],
    },
    devServer: {
      hot: true,
      // Loopback only: the dev server is for this machine (Excel desktop sideloads from localhost).
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      server: env.WEBPACK_BUILD ? undefined : await devServerOptions(),
      port,
      // A headless run (CI, screenshots) must not try to open a browser.
      open: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
