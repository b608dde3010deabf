import type { Page } from '@playwright/test'
import { StepUpPanel } from './step-up'

export interface TransferInput {
  payeeName: string
  payeeAccount: string
  amount: string
  reference?: string
}

/** The demo's transfer form (its submission is guarded by requireStepUp on the server). */
export class TransferPage {
  constructor(readonly page: Page) {}

  async fill(input: TransferInput) {
    await this.page.getByLabel('Payee name').fill(input.payeeName)
    await this.page.getByLabel('Payee account number').fill(input.payeeAccount)
    await this.page.getByLabel('Amount (MYR)').fill(input.amount)
    if (input.reference) await this.page.getByLabel('Reference (optional)').fill(input.reference)
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Transfer', exact: true }).click()
  }

  result = () => this.page.getByTestId('transfer-result')

  /** The step-up region that asks to confirm the submitted transfer. */
  confirmation = () =>
    new StepUpPanel(this.page, this.page.getByRole('region', { name: 'Confirm the transfer' }))
}
