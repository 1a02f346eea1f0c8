/** Jest runs TypeScript through SWC (type checking is `tsc --noEmit`, run first by `npm test`). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } }, target: "es2022" } },
    ],
  },
  // These packages ship ES modules only (or prefer them); let SWC turn them into CommonJS for Jest.
  transformIgnorePatterns: ["/node_modules/(?!(opencc-js|chinese-days|nanoid)/)"],
  testTimeout: 60000,
  // Built once per run before the workers start (the CLI bundle; the preview page when a UI test
  // runs), so parallel test files never rebuild what another is running: test/support/global-setup.ts.
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
};
