import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
      },
    },
  },
  ...tseslint.configs.recommended,
  {
    // The CommonJS entry point (bin/complain.cjs), the build's code-cache run and a test preload.
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        __filename: 'readonly',
        process: 'readonly',
        performance: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (STYLE.md 11).' },
      ],
    },
  },
  {
    files: ['*.config.ts', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // STYLE.md 1 and 4: only src/main.ts touches process.*, and output goes through the context's streams.
    files: ['src/**/*.ts'],
    ignores: ['src/main.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Only src/main.ts reads process.*: take it from AppContext.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'date-fns',
              message:
                "Import the function's own path ('date-fns/addDays'): the index loads every function at start-up.",
            },
            {
              name: '@date-fns/tz',
              message:
                "Import '@date-fns/tz/date' or '@date-fns/tz/tz': the index is slower to load.",
            },
            {
              name: 'chrono-node',
              message: 'Parse dates through src/domain/dates.ts, which loads chrono lazily.',
            },
            { name: 'process', message: 'Only src/main.ts reads process.*.' },
            { name: 'node:process', message: 'Only src/main.ts reads process.*.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit', message: 'Set process.exitCode instead.' },
      ],
    },
  },
);
