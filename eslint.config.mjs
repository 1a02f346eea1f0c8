// ESLint flat config, read by `npm run lint` (office-addin-lint uses ./eslint.config.mjs when it
// exists, else its own default) and by editors. Rules: eslint-plugin-office-addins "recommended"
// (Office.js load/sync rules, eslint:recommended, prettier) + typescript-eslint "recommended".
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

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
