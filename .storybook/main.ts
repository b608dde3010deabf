import type { StorybookConfig } from '@storybook/react-vite'

const config: StorybookConfig = {
  stories: ['../packages/*/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
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
