import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  // Every lib/ folder is on one side (README, "Where things are"). Server code may import
  // anything; the browser's lib/form and the components never import the server; pure shared
  // code imports neither the server nor the browser. Type imports count too: a shared type lives
  // in the shared code.
  {
    files: ['lib/form/**', 'app/**/_components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'server-only', message: 'Browser code: server-only code lives in lib/server.' }],
          patterns: [{ group: ['@/lib/server/*', '@/lib/server/**'], message: 'Browser code may not import lib/server: move what both sides need to lib/appeal.' }],
        },
      ],
    },
  },
  {
    files: ['lib/appeal/**', 'lib/i18n/**', 'lib/support/**', 'lib/security/**', 'lib/imei.ts', 'lib/countries.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'server-only', message: 'Pure shared code: server-only code lives in lib/server.' }],
          patterns: [
            { group: ['@/lib/server/*', '@/lib/server/**', '@/lib/form/*', '@/lib/form/**', '@/app/*', '@/app/**'], message: 'Pure shared code imports only other pure shared code (lib/appeal, lib/i18n, lib/support, lib/security, lib/imei.ts, lib/countries.ts).' },
          ],
        },
      ],
    },
  },
  { ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
];

export default config;
