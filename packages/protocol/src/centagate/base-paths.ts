/** The two CENTAGATE base paths of API.md 1.1. Keep them separate settings: on-premise installs differ. */
export const basePaths = {
  /** Current authentication API: `auth/*`, `req/*`, `trans/*`. */
  v2: '/v2/CentagateWS/webresources',
  /** Admin (cenToken) API, `session/statecheck`, and the legacy v1 authentication API. */
  v1: '/CentagateWS/webresources',
} as const

export type BasePathId = keyof typeof basePaths
