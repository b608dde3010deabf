/** Parts the shared pieces (`parts/`) render inside a widget, in the widget's scope. */
export const headingParts = ['title'] as const
export const codeFormParts = ['code-form', 'actions', 'submit'] as const
export const errorPanelParts = ['error', 'error-text', 'error-time'] as const
/** `CountdownText`: the code expiry and the resend cooldown, two distinct parts. */
export const countdownParts = ['expiry-timer', 'resend-timer'] as const

export type CodeFormPart = (typeof codeFormParts)[number]
export type ErrorPanelPart = (typeof errorPanelParts)[number]
export type CountdownPart = (typeof countdownParts)[number]
