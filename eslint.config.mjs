// ESLint flat config, read by `npm run lint` (office-addin-lint uses ./eslint.config.mjs when it
// exists, else its own default) and by editors. Rules: eslint-plugin-office-addins "recommended"
// (Office.js load/sync rules, eslint:recommended, prettier) + typescript-eslint "recommended".
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SOURCES = ["**/*.{js,mjs,cjs,jsx,ts,tsx,cts,mts}"];

// The office-addins preset registers its own nested copy of the typescript-eslint plugin and
// parser; ESLint refuses two different plugins under one name, so keep the project's copy (from
// typescript-eslint below) and take everything else of the preset as is. The preset only matches
// .js/.ts files: widen it to .tsx/.jsx, where the task pane's Office.js calls live.
const officeRecommended = officeAddins.configs.recommended.map((config) => {
  if (!config.plugins || !config.plugins["@typescript-eslint"]) return config;
  const { "@typescript-eslint": _nested, ...plugins } = config.plugins;
  return {
    ...config,
    files: SOURCES,
    plugins,
    languageOptions: { ...config.languageOptions, parser: tseslint.parser, ecmaVersion: "latest" },
  };
});

const FRONT_ENDS = ["taskpane", "commands", "cli", "preview"];
const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), "src");

/**
 * Importer front end → the modules of another front end it may import (paths under src/, no
 * extension). The one exception by design: the preview page hosts the task pane (it renders the
 * pane's <App> beside its grid, as Excel hosts it), so src/preview may import the pane's App and
 * context and what a host sets up around them (theme, stored language) — nothing else of the pane.
 * test/app/front-ends.test.ts holds the same list.
 */
const FRONT_END_EXCEPTIONS = {
  preview: ["taskpane/App", "taskpane/context", "taskpane/theme", "taskpane/language"],
};

/**
 * `liaison/front-ends`: front ends never import each other, and src/app imports none (issue 9). A relative import is
 * resolved against the importing file (so src/cli's own `commands/` folder is not the ribbon's).
 */
const liaisonPlugin = {
  rules: {
    "front-ends": {
      meta: {
        type: "problem",
        schema: [],
        messages: { crossing: "Front ends never import each other: src/{{from}} imports {{target}}; call a use case in src/app." },
      },
      create(context) {
        const relative = path.relative(SRC, context.filename).split(path.sep);
        const from = relative[0];
        // The use cases (src/app) import no front end either.
        if (relative.length < 2 || (from !== "app" && !FRONT_ENDS.includes(from))) return {};
        const check = (node, source) => {
          if (!source || typeof source.value !== "string" || !source.value.startsWith(".")) return;
          const target = path
            .relative(SRC, path.resolve(path.dirname(context.filename), source.value))
            .split(path.sep)
            .join("/");
          const area = target.split("/")[0];
          if (area === from || !FRONT_ENDS.includes(area)) return;
          if ((FRONT_END_EXCEPTIONS[from] ?? []).includes(target)) return;
          context.report({ node, messageId: "crossing", data: { from, target } });
        };
        return {
          ImportDeclaration: (node) => check(node, node.source),
          ExportNamedDeclaration: (node) => check(node, node.source),
          ExportAllDeclaration: (node) => check(node, node.source),
          ImportExpression: (node) => check(node, node.source),
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "bin/**"] },
  ...officeRecommended,
  ...tseslint.configs.recommended,
  {
    files: SOURCES,
    rules: {
      // `_name` marks a parameter or binding that is unused on purpose (port methods, destructuring).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // These folders drive ExcelJS objects (getCell, getColumn…), never Office.js proxies: the
    // load/sync rules' name-based heuristics only raise false alarms there. They stay on wherever
    // Office.js is used (src/workbook/officejs, src/taskpane, src/commands) and in src/core.
    files: ["src/workbook/exceljs/**", "src/preview/**", "src/cli/**"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  },
  {
    // The core stands alone (issue 9): nothing in src/core reaches for the adapters, the use cases,
    // the front ends, Office, ExcelJS, React or Node. test/core/boundaries.test.ts checks the same in `npm test`.
    files: ["src/core/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/workbook/**", "**/app/**", "**/taskpane/**", "**/commands/**", "**/cli/**", "**/preview/**", "**/render/**"],
              message: "src/core imports nothing from outside it.",
            },
            {
              group: ["react", "react-dom", "exceljs", "docx", "@fluentui/*", "node:*", "fs", "path"],
              message: "src/core is pure: no UI, file or Office libraries.",
            },
          ],
        },
      ],
    },
  },
  // Front ends never import each other (issue 9): the task pane, the ribbon commands, the CLI and
  // the preview page each call src/app's use cases, the core and an adapter.
  // test/app/front-ends.test.ts checks the same in `npm test`.
  {
    files: ["src/**"],
    plugins: { liaison: liaisonPlugin },
    rules: { "liaison/front-ends": "error" },
  },
  {
    // Build scripts run in Node (not part of `npm run lint`, which covers src/, but editors use this).
    files: ["scripts/**/*.{js,mjs,cjs}"],
    languageOptions: {
      globals: { Buffer: "readonly", console: "readonly", process: "readonly", URL: "readonly" },
    },
  },
  {
    files: ["scripts/**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly", __dirname: "readonly" } },
  },
);
