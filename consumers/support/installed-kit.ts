// The browser kit as an app installs it: the vite-react fixture with the protocol, client and
// react tarballs. The consumer suite's budget check and `pnpm bench` both measure bundles here.
import type { Tarball } from '../../scripts/packaging/pack-packages'
import { type InstalledFixture, installFixture } from './fixtures'

export const browserKitPackages = [
  '@centagate-kit/protocol',
  '@centagate-kit/client',
  '@centagate-kit/react',
]
export const serverKitPackages = [
  '@centagate-kit/protocol',
  '@centagate-kit/server',
  '@centagate-kit/emulator',
]

export function installBrowserKit(
  tarballs: Tarball[],
  extra: string[] = [],
  as?: string,
): Promise<InstalledFixture> {
  return installFixture('vite-react', tarballs, browserKitPackages, {
    extra,
    ...(as ? { as } : {}),
  })
}
