// One lint setup for the whole workspace. Besides the usual TypeScript/React rules it enforces the
// architecture: browser packages never import server code or the signing subpath, and secrets are
// never compared with `===` (timing leak) in the packages that handle them.
import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Imports a browser package must never make (they would ship secrets or HMAC code to users). */
export const browserForbiddenImports = {
  paths: [
    {
      name: '@centagate-kit/protocol/signing',
      message: 'Browser packages never sign: signing lives on the server only.',
    },
    { name: '@centagate-kit/server', message: 'Browser packages never import the server package.' },
    {
      name: '@centagate-kit/emulator',
      message: 'Browser packages never import the emulator (stories and tests may).',
    },
    {
      name: 'zod',
      message:
        'Browser packages never ship zod: use the browser checks generated from the route declarations.',
    },
  ],
  patterns: [
    {
      group: ['@centagate-kit/server/*', '@centagate-kit/emulator/*', 'node:*'],
      message: 'Browser packages never import server, emulator or Node-only modules.',
    },
    {
      group: ['zod/*'],
      message:
        'Browser packages never ship zod: use the browser checks generated from the route declarations.',
    },
    {
      group: ['**/protocol/src/signing/**', '**/server/src/**', '**/emulator/src/**'],
      message: 'Browser packages never reach into server, emulator or signing sources.',
    },
  ],
}

/**
 * The server never imports the CENTAGATE emulator (not in code, tests or dev tooling): a dev server
 * wires the emulator in from the emulator's side (its Vite plugin, `emulatorUpstream`), and the
 * server's tests that need a CENTAGATE get one from @centagate-kit/testkit.
 */
const emulatorMessage =
  'The server never imports the emulator: wire it in from the emulator side (@centagate-kit/emulator/vite, emulatorUpstream) or use @centagate-kit/testkit in tests.'
export const serverForbiddenEmulator = {
  group: ['@centagate-kit/emulator', '@centagate-kit/emulator/*'],
  message: emulatorMessage,
}
// no-restricted-imports does not see `import('...')`; the server once loaded the emulator that way.
const emulatorDynamicImport = {
  selector: 'ImportExpression[source.value=/^@centagate-kit\\/emulator(\\/|$)/]',
  message: emulatorMessage,
}

const secretNames = '/^(hmac|expectedHmac|signature|mac|cenToken|expectedCenToken)$/i'
// Comparing with a literal (`hmac === ''`, `mac !== null`) reveals nothing about the secret.
const secretComparison =
  "BinaryExpression[operator=/^[!=]==?$/]:not([left.type='Literal']):not([right.type='Literal'])"
const secretComparisonRules = [
  {
    selector: `${secretComparison} > Identifier[name=${secretNames}]`,
    message: 'Compare secrets with a constant-time helper from @centagate-kit/protocol/signing.',
  },
  {
    selector: `${secretComparison} > MemberExpression > Identifier.property[name=${secretNames}]`,
    message: 'Compare secrets with a constant-time helper from @centagate-kit/protocol/signing.',
  },
]

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'storybook-static/**',
      'coverage/**',
      'reports/**',
      'test-results/**',
      'playwright-report/**',
      // The bench's esbuild bundles of its server scripts (generated, git-ignored).
      'bench/server/*.bundle.mjs',
      // Vendor sample code kept verbatim as a test fixture (its own style and bugs, API.md 5.19).
      'packages/emulator/test/vendor-samples/*.node.cjs',
      '!.storybook',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['packages/react/**/*.tsx', 'apps/**/*.tsx', '.storybook/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    // The architecture rule: protocol <- client <- react; no signing, server or emulator code in
    // what ships to browsers.
    files: ['packages/client/src/**/*.{ts,tsx}', 'packages/react/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/*.stories.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', browserForbiddenImports] },
  },
  {
    // protocol stays isomorphic (no Node-only API) except its explicit node-condition file.
    files: ['packages/protocol/src/**/*.ts'],
    // The `node` export condition's files may use node:crypto.
    ignores: ['**/*.node.ts', '**/node-crypto-engine.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'protocol must run in browsers and edge runtimes.' },
          ],
        },
      ],
    },
  },
  {
    // The architecture rule: the server never depends on the emulator (see serverForbiddenEmulator).
    // Later server blocks that set these rules repeat the emulator entries (flat config replaces a
    // rule's options, it does not merge them).
    files: ['packages/server/**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [serverForbiddenEmulator] }],
      'no-restricted-syntax': ['error', emulatorDynamicImport],
    },
  },
  {
    // Unit tests next to the server's code run without a CENTAGATE: tests that need one (the
    // emulator, through the testkit) live in packages/server/test, so src never loads it.
    files: ['packages/server/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            serverForbiddenEmulator,
            {
              group: [
                '@centagate-kit/testkit/emulator-*',
                '@centagate-kit/testkit/test-app',
                '@centagate-kit/testkit/sms-step-up',
                '@centagate-kit/testkit/story-*',
              ],
              message:
                'A server test that needs a CENTAGATE (the emulator) goes in packages/server/test.',
            },
          ],
        },
      ],
    },
  },
  {
    // The server's core also runs in browsers (Storybook, browser tests): Node-only modules only in
    // the Node adapters, the Redis store, the `node` engine of `#server-crypto` and the CLI entry
    // (the same list as packages/server/src/browser-safety.test.ts).
    files: ['packages/server/src/**/*.ts'],
    ignores: [
      '**/*.test.ts',
      'packages/server/src/adapters/{node,express,fastify,vite,node-bridge,node-fetch,node-transport}.ts',
      'packages/server/src/rate-limit/redis-store.ts',
      'packages/server/src/crypto/node-server-crypto.ts',
      'packages/server/src/cli/cli.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'undici', 'ioredis'],
              message:
                'The server core must run in browsers: Node-only code goes in an adapter or #server-crypto.',
            },
            serverForbiddenEmulator,
          ],
        },
      ],
    },
  },
  {
    // The emulator must behave like an independent CENTAGATE: it never imports the server package.
    files: ['packages/emulator/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@centagate-kit/server', '@centagate-kit/server/*'] }] },
      ],
    },
  },
  {
    // Secrets are compared in constant time (protocol/signing's verify helpers), never with ===.
    files: ['packages/{protocol,emulator}/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', ...secretComparisonRules] },
  },
  {
    files: ['packages/server/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...secretComparisonRules, emulatorDynamicImport],
    },
  },
  {
    files: [
      '**/*.test.{ts,tsx}',
      '**/*.stories.{ts,tsx}',
      'e2e/**',
      'scripts/**',
      'bench/**',
      // The consumer suite and its fixture servers report on stdout like any CLI.
      'consumers/**',
    ],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
)
