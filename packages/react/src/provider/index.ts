export { CentagateProvider, type CentagateProviderProps } from './centagate-provider'
export { useKitClient } from './kit-client-context'
