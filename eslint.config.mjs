// ESLint flat config: the recommended JavaScript and typescript-eslint rules (not the type-checked set, so a run takes
// seconds and needs no build), with formatting left to Prettier (eslint-config-prettier turns off the rules it would
// fight). Each rule turned off or narrowed below says why; prefer fixing a finding to adding an exception.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'reports/', 'data/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // tsc's noUnusedLocals/noUnusedParameters already check this; ESLint adds the house conventions: a leading
      // underscore marks what a destructuring leaves out on purpose (`const { eTag: _eTag, ...rest } = item`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Flags an initial value that every branch overwrites, and `rows = []` that lets a large array go before an
      // await; neither is a bug, and the rewrite would only move the declaration.
      'no-useless-assignment': 'off',
    },
  },
  {
    // Tests and benchmarks read untyped JSON (HTTP bodies, ARM templates) and assert with chai's property
    // assertions (`expect(x).to.be.empty`), which are expressions by design.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    // A mixin's constructor must take any[] (TypeScript's rule), and load() keeps botbuilder's Promise<any>.
    files: ['src/bot/optimisticState.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Normalisation removes control characters, so its patterns name them on purpose.
    files: ['src/nlu/normalize.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // The chat page's scripts and the widget's launcher run in the visitor's browser as classic scripts (ES5, no
    // modules), with the browser's globals.
    files: ['src/channels/webchat/public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        navigator: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        WebSocket: 'readonly',
        CSSStyleSheet: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
  },
  {
    // Configuration files in CommonJS (.mocharc.unit.cjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  prettier,
);
