// Lint rules: typescript-eslint's recommended set plus the project's few house rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.local/', 'cdk.out/', 'dist/', 'bench/results/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', importNames: ['z'], message: "Use import * as z from 'zod' (keeps locales out of bundles)." }] },
      ],
    },
  },
  {
    files: ['functions/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@aws-sdk/*', 'node:fs*', 'node:http*', '#ports/*', '#http/*'], message: 'Domain code is pure: no I/O.' }],
          paths: [{ name: 'zod', importNames: ['z'], message: "Use import * as z from 'zod'." }],
        },
      ],
    },
  },
);
