import { PageHeading } from '../components/PageHeading'

export function TransferPage() {
  return <PageHeading>Transfer</PageHeading>
}
