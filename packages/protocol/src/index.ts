/**
 * `@centagate-kit/protocol`: the contract every other package speaks. Isomorphic: no DOM, no
 * Node-only API. Signing lives in the `@centagate-kit/protocol/signing` subpath so that browser
 * bundles never contain it.
 */
export * from './centagate/base-paths'
export * from './centagate/endpoints'
export * from './centagate/envelope'
export * from './centagate/fields'
export * from './centagate/payloads'
export * from './centagate/return-codes'
export { order as expandSignedOrder } from './centagate/signed-order'
export * from './kit/errors'
export * from './kit/mask-phone'
export * from './kit/methods'
export * from './kit/otp-code'
export * from './kit/routes'
export * from './kit/schemas'
export * from './kit/step-up-challenge'
export * from './kit/shape-checks'
