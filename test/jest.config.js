// One jest run, three projects: the library (node), the extension's renderers (jsdom),
// and the browser tests (a real JupyterLab in headless Debian Chromium).
const path = require("path");
const root = path.resolve(__dirname, "..");
// Copies of package.json files (venv, built extension) that jest's module map must not see.
const ignoredPaths = ["<rootDir>/.venv/", "<rootDir>/extension/nnlab_extension/"];
const tsJest = ["ts-jest", { tsconfig: path.join(__dirname, "tsconfig.json") }];

// Line coverage of the library's core folders (issue 3: at least 90% each, per folder in
// aggregate). Measured when jest runs with --coverage, as `npm test` does for the unit tests.
const coreFolders = [
  "tensor", "ops", "autodiff", "backend", "layers", "models", "optimizers", "losses", "activations",
  "initializers", "regularizers", "constraints", "callbacks", "metrics", "io",
];
const coreCoverageThreshold = Object.fromEntries(coreFolders.map((f) => [`./src/${f}/`, { lines: 90 }]));

module.exports = {
  rootDir: root,
  // The AssemblyScript kernels are WebAssembly at run time: V8 coverage cannot see into them.
  collectCoverageFrom: [...coreFolders.map((f) => `src/${f}/**/*.ts`), "!src/backend/wasm/assembly/**"],
  // V8's own coverage (no instrumentation pass), remapped to the TypeScript through source maps.
  coverageProvider: "v8",
  coverageDirectory: "<rootDir>/test-artifacts/coverage",
  coverageReporters: ["text-summary", "json-summary", "html"],
  coverageThreshold: coreCoverageThreshold,
  projects: [
    {
      displayName: "unit",
      rootDir: root,
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/unit/**/*.test.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
      // Tests run against the TypeScript source, so coverage is measured on src/.
      moduleNameMapper: { "^nnlab$": "<rootDir>/src/index.ts" },
      modulePathIgnorePatterns: ignoredPaths,
    },
    {
      displayName: "extension",
      rootDir: root,
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/extension/**/*.test.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
      moduleNameMapper: { "\\.css$": "<rootDir>/test/extension/style-stub.js" },
      setupFiles: ["<rootDir>/test/extension/jsdom-shim.js"],
      modulePathIgnorePatterns: ignoredPaths,
    },
    {
      displayName: "browser",
      rootDir: root,
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/browser/**/*.test.ts"],
      modulePathIgnorePatterns: ignoredPaths,
      transform: { "^.+\\.tsx?$": tsJest },
    },
  ],
};
