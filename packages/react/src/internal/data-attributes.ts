/**
 * Data attributes are the styling API of every part (documented in the README). Boolean flags are
 * present only when true, so `[data-invalid]` selectors work without `="true"`.
 */
export function dataFlag(on: boolean | undefined): '' | undefined {
  return on ? '' : undefined
}
