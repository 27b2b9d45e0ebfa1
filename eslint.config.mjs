import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import regexp from 'eslint-plugin-regexp';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Briefs and bibliography files come from anyone: no pattern in the product may take more than
    // linear time on some input (scslre's analysis, through eslint-plugin-regexp).
    files: ['src/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    // A function a reader can hold in mind: longer ones are split into named steps.
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 100 }] },
  },
  {
    // The client reaches the core only through its index.
    files: ['src/client/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../core/*'] }] },
  },
  {
    // The core runs in the server, the CLI and a browser worker: no editor or Node APIs.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['vscode', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)], patterns: ['vscode-*'] },
      ],
    },
  },
);
