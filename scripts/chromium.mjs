// The one place that says how we launch Chromium on our machines: Debian's build, never a
// downloaded one, and flags that keep it off the closed network (see shared/reference/toolchain.md).
export const chromiumExecutable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const chromiumLaunchOptions = { executablePath: chromiumExecutable, args: chromiumArgs }
