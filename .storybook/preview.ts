import type { Preview } from '@storybook/react-vite'

const preview: Preview = {
  parameters: {
    // Every story is an axe test: a violation fails the story run (WCAG 2.1 AA rules).
    a11y: {
      test: 'error',
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    },
  },
}
export default preview
