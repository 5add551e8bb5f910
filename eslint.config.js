// Lint rules: typescript-eslint's recommended set plus the project's few house rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// zod/mini keeps the schemas a handler bundles small (≈ 18 KB instead of ≈ 90 KB for the classic
// API); '#domain/zod' is zod/mini with the English messages registered once.
const zodImport = {
  selector: 'ImportDeclaration[source.value=/^zod(\\/|$)/]',
  message: "Import the schema API as import * as z from '#domain/zod' (zod/mini with its messages).",
};
// A table key ('PROPOSAL#…', `AGENCY#${id}#…`) is spelled in functions/ports/dynamo/keys.ts alone,
// so its access patterns are read in one file and a key never drifts between writer and reader.
const keySpelling = ['Literal[value=/^[A-Z][A-Z_]*#/]', 'TemplateElement[value.raw=/^[A-Z][A-Z_]*#/]'].map(
  (selector) => ({
    selector,
    message: "Build table keys with functions/ports/dynamo/keys.ts ('#ports/dynamo/keys').",
  }),
);

// labelFields registers a schema's labels and is marked pure where it is called, like every schema the
// domain builds (functions/domain/zod.ts says why): a bundle drops the call when its result is
// unused. A call standing as a statement of its own would so vanish from the bundles while the unit
// tests, which do not bundle, still saw the labels; so it wraps the schema it labels.
const labelStatement = {
  selector: 'ExpressionStatement > CallExpression[callee.name="labelFields"]',
  message:
    'Wrap the schema: export const X = labelFields(z.object(…), LABELS), so a bundle cannot drop the labels.',
};

export default tseslint.config(
  { ignores: ['node_modules/', '.local/', 'cdk.out/', 'dist/', 'bench/results/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', zodImport, ...keySpelling, labelStatement],
    },
  },
  {
    files: ['functions/domain/zod.ts'],
    rules: { 'no-restricted-syntax': ['error', ...keySpelling, labelStatement] },
  },
  {
    files: ['functions/ports/dynamo/keys.ts'],
    rules: { 'no-restricted-syntax': ['error', zodImport, labelStatement] },
  },
  {
    files: ['functions/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@aws-sdk/*', 'node:fs*', 'node:http*'], message: 'Domain code is pure: no I/O.' },
            // A regex: in the gitignore syntax of `group`, a leading '#' starts a comment.
            {
              regex: '^(#(ports|http|usecases|tasks)/|\\.\\./)',
              message: 'Domain code is pure: no I/O, no layer above it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Use cases, tasks and ports sit below the HTTP layer: they never reach up into it.
    files: ['functions/usecases/**', 'functions/tasks/**', 'functions/ports/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // A regex: in the gitignore syntax of `group`, a leading '#' starts a comment.
            { regex: '^(#http/|(\\.\\./)+http/)', message: 'Only HTTP handlers import the HTTP layer.' },
          ],
        },
      ],
    },
  },
  {
    // Outside functions/ the layers are reached by their '#' aliases (package.json "imports"),
    // so a moved file is found by one name rather than by counting '../'.
    files: ['infra/**', 'test/**', 'bench/**', 'templates/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(functions|templates|infra/local)/',
              message: "Import through the alias: '#domain/…', '#usecases/…', '#templates/…', '#local/…'.",
            },
          ],
        },
      ],
    },
  },
  {
    // Templates present what the domain and the use cases computed: they import their types,
    // never a rule to run again, and nothing that does I/O.
    files: ['templates/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Taipei time's offset is a fact of the calendar, not a rule: the date words read it there.
              regex: '^#usecases/|^#domain/(?!taipei-time$)',
              allowTypeImports: true,
              message: 'Templates import types only: put the computed fact in the view model.',
            },
            { regex: '^(#(ports|http|tasks)/|@aws-sdk/)', message: 'Templates do no I/O.' },
          ],
        },
      ],
    },
  },
  {
    // Tests read JSON bodies of many shapes; typing each would add nothing.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
