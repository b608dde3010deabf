/**
 * Data attributes are the styling API of every part (documented in the README). Boolean flags are
 * present only when true, so `[data-invalid]` selectors work without `="true"`.
 */
export function dataFlag(on: boolean | undefined): '' | undefined {
  return on ? '' : undefined
}

/** `data-scope` and `data-part` of a part. */
export function partAttributes(scope: string, part: string): Record<string, string> {
  return { 'data-scope': scope, 'data-part': part }
}
