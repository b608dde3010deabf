import { PageHeading } from '../components/PageHeading'

export function LoginPage() {
  return <PageHeading>Login</PageHeading>
}
