// ESLint flat config for `npm run lint` (kept under test/ because the project's top level is fixed).
// TypeScript's recommended rules everywhere, Office's performance rules (eslint-plugin-office-addins) where code
// talks to Excel, and React's rules of hooks in the task pane.
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";

const officeRules = {
  "office-addins/call-sync-before-read": "error",
  "office-addins/call-sync-after-load": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "error",
  "office-addins/no-navigational-load": "error",
  "office-addins/no-office-initialize": "error",
  "office-addins/test-for-null-using-isNullObject": "error",
};

/** What the engine and the catalogues never import: platform modules (Node, React, Office, file formats). */
const PLATFORM = {
  group: ["fs", "path", "node:*", "react*", "exceljs", "office-*"],
  message: "The engine and the catalogues are pure.",
};

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "out/**", "coverage/**", "test-artifacts/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.ts", "src/**/*.tsx", "test/**/*.ts", "test/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Build steps run by npm as plain Node CommonJS scripts, before any TypeScript is compiled.
    files: ["src/build/**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tests build deliberately malformed documents (profiles with wrong field types) to check the refusals.
    files: ["test/**/*.ts", "test/**/*.tsx"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["src/excel/**/*.ts", "src/functions/**/*.ts", "src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    plugins: { "office-addins": officeAddins },
    rules: officeRules,
  },
  {
    // Hooks called in the same order on every render, and effects that name everything they read.
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx", "test/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    // The engine is pure and reads nothing outside its folder but the product's words (src/i18n), which are pure too.
    files: ["src/engine/**/*.ts", "src/i18n/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        "window",
        "document",
        "process",
        "Buffer",
        "Office",
        "Excel",
        "CustomFunctions",
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            PLATFORM,
            { regex: "^\\.\\./(?!i18n/)[^.]", message: "The engine reads only its own modules and src/i18n." },
          ],
        },
      ],
    },
  },
  {
    // The catalogues read nothing but each other and the engine's types.
    files: ["src/i18n/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            PLATFORM,
            { regex: "^\\.\\./\\.\\./(?!engine/types$)", message: "A catalogue imports only the engine's types." },
          ],
        },
      ],
    },
  },
  {
    // The profile compiler is a folder of the engine: it reads the engine's modules (and src/i18n), and nothing else.
    files: ["src/engine/compile/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            PLATFORM,
            { group: ["@duckdb/*", "pg"], message: "The compiler talks to no database." },
            {
              regex: "^\\.\\./\\.\\./(?!i18n/)",
              message: "The compiler reads only the engine's modules and src/i18n.",
            },
          ],
        },
      ],
    },
  },
);
