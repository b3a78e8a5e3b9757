import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'tab/dist/', '.data/', 'coverage/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Personal data must not reach logs by accident: use the pino logger, which redacts.
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      // The domain does no I/O and reads no environment (DESIGN.md): keep it that way.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'fs',
            'http',
            'pg',
            '@electric-sql/*',
            '@microsoft/*',
            '@azure/*',
            'express',
            'pino',
            '../../bot/*',
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'core reads no environment' }],
    },
  },
  { files: ['tab/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['bot/src/cli/**', 'scripts/**', 'bin/**', 'test/**'], rules: { 'no-console': 'off' } },
  // Tests read answers of many shapes; the product code states its types.
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
