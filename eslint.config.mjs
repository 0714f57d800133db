// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'test/__generated__/', 'bench/mesh/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Off: the interfaces implemented here (Apollo plugin hooks, store adapters, work callbacks) return promises,
      // and an `async` function without `await` is the plain way to meet them.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // No function over 100 lines (blank and comment lines not counted): a longer one is split into named steps.
    files: ['src/**/*.ts', 'bench/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 100, skipBlankLines: true, skipComments: true, IIFEs: true }] },
  },
  {
    // The layers below GraphQL know nothing of it: the upstream clients, pacing, the store and the
    // shared platform pieces never import graphql-js, type-graphql, Apollo, or the GraphQL side of
    // this code base (src/graphql, src/modules, src/http, src/admission).
    files: [
      'src/upstreams/**/*.ts',
      'src/pacing/**/*.ts',
      'src/platform/**/*.ts',
      'src/store/**/*.ts',
      'src/domain/**/*.ts',
      'src/events/**/*.ts',
      'src/errors.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(graphql|type-graphql|graphql-scalars|@apollo/.*)$',
              message: 'the layers below GraphQL do not depend on it',
            },
            {
              regex: '/(graphql|modules|http|admission|auth)/',
              message: 'the layers below GraphQL do not import the GraphQL side',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Off in tests: they read untyped JSON answers over HTTP, and jest's asymmetric matchers
      // (`expect.any`, `expect.objectContaining`) are typed `any` by @types/jest.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // plain CommonJS config and jest hooks: not part of the TypeScript project
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { module: 'readonly', require: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
