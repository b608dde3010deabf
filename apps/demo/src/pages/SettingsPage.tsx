import { PageHeading } from '../components/PageHeading'

export function SettingsPage() {
  return <PageHeading>Settings</PageHeading>
}
