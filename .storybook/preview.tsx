import type { Decorator, Preview } from '@storybook/react-vite'
import '@centagate-kit/react/styles.css'
import type { KitStoryParameters } from '@centagate-kit/testkit/story-frame'

/** Direction, theme and language of the page around each story (`parameters.frame`). */
const withFrame: Decorator = (Story, context) => {
  const frame = (context.parameters as KitStoryParameters).frame ?? {}
  return (
    <div
      dir={frame.dir ?? 'ltr'}
      lang={frame.locale ?? 'en'}
      data-theme={frame.theme ?? 'light'}
      style={{
        padding: 16,
        background: 'var(--ck-bg)',
        color: 'var(--ck-fg)',
        minHeight: '100vh',
        boxSizing: 'border-box',
      }}
    >
      <Story />
    </div>
  )
}

const preview: Preview = {
  decorators: [withFrame],
  parameters: {
    layout: 'fullscreen',
    // Every story is an axe test: a violation fails the story run (WCAG 2.1 AA rules).
    a11y: {
      test: 'error',
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    },
  },
}
export default preview
