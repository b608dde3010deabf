import { fileURLToPath } from 'node:url'
import type { StorybookConfig } from '@storybook/react-vite'

const config: StorybookConfig = {
  // The design reference: the pages (introduction, theming, accessibility, localization), then
  // every component's docs and states.
  stories: ['../docs/storybook/*.mdx', '../packages/*/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
  typescript: {
    // Props tables from the components' TypeScript types and JSDoc, inherited props included
    // (`SmsOtpProps extends UseSmsOtpOptions, Omit<SmsOtpViewProps, …>`), React's DOM props left out.
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      // The components' own TypeScript project (the root tsconfig only covers vitest.config.ts).
      tsconfigPath: fileURLToPath(new URL('../packages/react/tsconfig.json', import.meta.url)),
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      propFilter: (prop) => !/node_modules/.test(prop.parent?.fileName ?? ''),
    },
  },
  viteFinal(viteConfig) {
    viteConfig.resolve ??= {}
    viteConfig.resolve.conditions = [
      '@centagate-kit/source',
      'browser',
      'module',
      'import',
      'default',
    ]
    // The stories' frame imports the kit's public entry, whose `'use client'` (for React Server
    // Components frameworks) means nothing in a Storybook bundle: do not warn about dropping it.
    viteConfig.build ??= {}
    viteConfig.build.rollupOptions ??= {}
    const onwarn = viteConfig.build.rollupOptions.onwarn
    viteConfig.build.rollupOptions.onwarn = (warning, warn) => {
      if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client'))
        return
      if (onwarn) onwarn(warning, warn)
      else warn(warning)
    }
    return viteConfig
  },
}
export default config
