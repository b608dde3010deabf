import type { Meta, StoryObj } from '@storybook/react-vite'
import { userEvent } from 'storybook/test'
import { storyTransaction } from '@centagate-kit/testkit/story-backend'
import { WithBackend, type KitStoryParameters } from '@centagate-kit/testkit/story-frame'
import {
  backendLoader,
  backendOf,
  untilElement,
  untilState,
} from '@centagate-kit/testkit/story-helpers'
import { StepUp } from '../step-up/step-up'
import { TokenEnrollment } from '../token-enrollment/token-enrollment'

/**
 * The ready themes of styles.css side by side on the same widgets: the step-up's method list
 * (with the transaction it signs) and the enrolment form with a field error. Switch the scheme,
 * direction or language from the toolbar; the theme is fixed per story here.
 */
const meta = {
  title: 'Look/Themes',
  tags: ['!autodocs'],
  loaders: [backendLoader],
  parameters: { backend: { user: 'alice' } } satisfies KitStoryParameters,
  render: (_args, context) => (
    <WithBackend backend={backendOf(context)}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24, alignItems: 'flex-start' }}>
        <div style={{ flex: '1 1 20rem', maxInlineSize: '26rem' }}>
          <StepUp transactionId={storyTransaction.id} focusOnMount={false} />
        </div>
        <div style={{ flex: '1 1 20rem', maxInlineSize: '26rem' }}>
          <TokenEnrollment />
        </div>
      </div>
    </WithBackend>
  ),
  play: async ({ canvasElement }) => {
    await untilState(canvasElement, 'step-up', 'choosing')
    // A phone number in the wrong format: the field's error state.
    await userEvent.type(
      await untilElement<HTMLInputElement>(canvasElement, 'input[data-part="text-input"]'),
      '0123',
    )
    await userEvent.click(await untilElement(canvasElement, 'button[type="submit"]'))
    await untilElement(canvasElement, '[data-part="field-error"]')
  },
} satisfies Meta
export default meta
type Story = StoryObj<typeof meta>

export const Default: Story = { parameters: { frame: { ckTheme: 'default' } } }
export const Bank: Story = { parameters: { frame: { ckTheme: 'bank' } } }
export const HighContrast: Story = { parameters: { frame: { ckTheme: 'contrast' } } }
