/**
 * A widget's anatomy: its part names, declared once as a const tuple (`sms-otp-anatomy.ts`…).
 * `partsOf` gives the `data-scope` / `data-part` attributes of a part, typed by that list, so a
 * part not in the anatomy does not compile; a test checks the README's parts table against the
 * same lists.
 */
export function partsOf<Part extends string>(scope: string) {
  return (part: Part) => ({ 'data-scope': scope, 'data-part': part })
}
