/** Jest runs TypeScript through SWC (type checking is `tsc --noEmit`, run first by `npm test`). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } }, target: "es2022" } }],
  },
  // These packages ship ES modules only (or prefer them); let SWC turn them into CommonJS for Jest.
  transformIgnorePatterns: ["/node_modules/(?!(opencc-js|chinese-days|nanoid)/)"],
  testTimeout: 60000,
};
