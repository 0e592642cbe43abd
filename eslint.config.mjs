// ESLint flat config: typescript-eslint's recommended rules (without type information, for speed) on
// the TypeScript sources, Nx's module-boundary rule between the projects, and ESLint's recommended
// rules with Node globals on the plain JavaScript (scripts/, config files).
import js from '@eslint/js';
import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// @nx/enforce-module-boundaries only reads the *cached* project graph (.nx/workspace-data) and is
// silently skipped when there is none (fresh clone, CI). Compute it here so a plain `eslint .` enforces
// the boundaries with an up-to-date graph (~1 s; `npm test` runs this with NX_DAEMON=false).
await createProjectGraphAsync({ exitOnError: false }).catch((err) => {
  console.warn(`eslint.config.mjs: could not compute the Nx project graph: ${err.message}`);
});

const unusedVars = [
  'error',
  {
    args: 'after-used',
    argsIgnorePattern: '^_',
    varsIgnorePattern: '^_',
    caughtErrorsIgnorePattern: '^_',
    destructuredArrayIgnorePattern: '^_',
    ignoreRestSiblings: true,
  },
];

export default defineConfig(
  globalIgnores([
    '**/dist/',
    '**/node_modules/',
    '**/coverage/',
    '**/.nx/',
    '**/.local/',
    'migrations/data/',
    'apps/web/src/gql/',
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.{ts,tsx,mts}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    plugins: { '@nx': nx },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': unusedVars,
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          // migrations/ is not an Nx project; the persistence lib registers it with TypeORM.
          allow: ['^(\\.\\./)+migrations(/.*)?$'],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:persistence'] },
            // The web app may use the pure domain rules (shared values) and nothing with I/O.
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [] },
          ],
        },
      ],
    },
  },
  {
    // The web app runs in the browser (and its component tests in jsdom).
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 'latest', globals: { ...globals.node } },
    rules: { 'no-unused-vars': unusedVars },
  },
  {
    // package.json has no "type": "module", so .js and .cjs files are CommonJS.
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' },
  },
);
