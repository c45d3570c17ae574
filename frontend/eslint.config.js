// Lint rules for the page: eslint's and typescript-eslint's recommended sets with type information, run by the
// Maven build before the bundle is built.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // target/ holds Vite's bundle (see vite.config.ts), output rather than source.
  { ignores: ["dist/", "target/", "node_modules/", "e2e/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["eslint.config.js", "vite.config.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      eqeqeq: ["error", "always"],
      "no-console": ["error", { allow: ["warn", "error"] }],
      "@typescript-eslint/explicit-function-return-type": ["error", { allowExpressions: true }],
    },
  },
  { files: ["**/*.js"], ...tseslint.configs.disableTypeChecked },
);
