import type { Decorator, Preview } from '@storybook/react-vite'
import '@centagate-kit/react/styles.css'
import { axeViolations } from '@centagate-kit/testkit/axe'
import { StoryFrameContext, frameOf } from '@centagate-kit/testkit/story-frame'
import { ComponentPage } from './blocks/component-page'

/**
 * The page around each story: direction, colour scheme, kit theme and language, from the story's
 * `parameters.frame` or else the toolbar (see `frameOf`). The page is `--ck-surface` so that the
 * widget's card (`--ck-bg`) stands out as it would in an app.
 */
const withFrame: Decorator = (Story, context) => {
  const frame = frameOf(context)
  return (
    <div
      data-ck-frame=""
      dir={frame.dir}
      lang={frame.locale}
      data-theme={frame.theme}
      data-ck-theme={frame.ckTheme === 'default' ? undefined : frame.ckTheme}
      style={{
        padding: 16,
        background: 'var(--ck-surface)',
        color: 'var(--ck-fg)',
        fontFamily: 'var(--ck-font)',
        // A whole page in the story view; just the widget on a docs page.
        minHeight: context.viewMode === 'docs' ? undefined : '100vh',
        boxSizing: 'border-box',
      }}
    >
      <StoryFrameContext value={frame}>
        <Story />
      </StoryFrameContext>
    </div>
  )
}

/**
 * In the story tests (Vitest), after the a11y addon checked the story as it is, axe runs again
 * with the page flipped to the other colour scheme and to the other direction, so that every
 * story is checked in light, dark, left-to-right and right-to-left. Only the frame's attributes
 * change (the widget keeps the state its play function reached); they are put back afterwards.
 */
const axeInOtherSchemeAndDirection: NonNullable<Preview['afterEach']> = async ({
  canvasElement,
}) => {
  // Vitest runs the preview in mode 'test'; the Storybook UI and its static build do not.
  if (import.meta.env.MODE !== 'test') return
  const frame = canvasElement.querySelector<HTMLElement>('[data-ck-frame]')
  if (!frame) return
  const flips = [
    ['data-theme', frame.dataset.theme === 'dark' ? 'light' : 'dark'],
    ['dir', frame.dir === 'rtl' ? 'ltr' : 'rtl'],
  ] as const
  for (const [attribute, value] of flips) {
    const before = frame.getAttribute(attribute)
    frame.setAttribute(attribute, value)
    try {
      // The whole document: a story's open <dialog> is in the top layer, outside the canvas.
      const violations = await axeViolations(document.body)
      if (violations.length > 0) {
        throw new Error(`axe with ${attribute}="${value}":\n${violations.join('\n')}`)
      }
    } finally {
      if (before === null) frame.removeAttribute(attribute)
      else frame.setAttribute(attribute, before)
    }
  }
}

const preview: Preview = {
  decorators: [withFrame],
  afterEach: axeInOtherSchemeAndDirection,
  // Autodocs for every component with a `component` in its meta: props tables from the JSDoc.
  tags: ['autodocs'],
  globalTypes: {
    ckTheme: {
      description: 'Kit theme (data-ck-theme)',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'default', title: 'Default theme' },
          { value: 'bank', title: 'Bank theme' },
          { value: 'contrast', title: 'High-contrast theme' },
        ],
        dynamicTitle: true,
      },
    },
    ckScheme: {
      description: 'Colour scheme (data-theme)',
      toolbar: {
        title: 'Scheme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    ckDir: {
      description: 'Text direction (dir)',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
    ckLocale: {
      description: 'Language of the messages',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'ms', title: 'Bahasa Melayu' },
          { value: 'id', title: 'Bahasa Indonesia' },
          { value: 'zh-CN', title: '简体中文' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { ckTheme: 'default', ckScheme: 'light', ckDir: 'ltr', ckLocale: 'en' },
  parameters: {
    layout: 'fullscreen',
    options: {
      storySort: {
        order: [
          'Introduction',
          'Theming',
          'Accessibility',
          'Localization',
          'Look',
          'Components',
          'Flows',
        ],
      },
    },
    viewport: {
      options: {
        phone: { name: 'Phone (375 px)', styles: { width: '375px', height: '812px' } },
        desktop: { name: 'Desktop (1280 px)', styles: { width: '1280px', height: '900px' } },
      },
    },
    docs: { page: ComponentPage },
    // Every story is an axe test: a violation fails the story run (WCAG 2.1 AA rules).
    a11y: {
      test: 'error',
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    },
  },
}
export default preview
