import { stepUpPart as part } from './step-up-anatomy'

/**
 * The one-line summary of the transaction being signed, exactly as the server signs it. Isolated
 * in a `<bdi>` (direction from its own text, `unicode-bidi: isolate`) so that no character of it
 * can reorder the text around it, whatever the page's direction; the server already refuses
 * control, format and bidi characters in it (`transaction_invalid`).
 */
export function StepUpTransactionSummary({ summary }: { summary: string }) {
  return (
    <p {...part('transaction-summary')}>
      <bdi>{summary}</bdi>
    </p>
  )
}
