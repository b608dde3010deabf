import { useMutation } from '@tanstack/react-query'
import type {
  KitClientError,
  TokensRegisterInput,
  TokensRegisterResponse,
} from '@centagate-kit/client'
import { useKitClient } from '../provider/kit-client-context'

/** Registers an SMS phone number or a hardware token serial (`tokens/register`) as a mutation. */
export function useTokenEnrollment(
  options: { onRegistered?: (result: TokensRegisterResponse) => void } = {},
) {
  const client = useKitClient()
  return useMutation<TokensRegisterResponse, KitClientError, TokensRegisterInput>({
    mutationFn: (input) => client.tokensRegister(input),
    retry: false,
    onSuccess: (result) => options.onRegistered?.(result),
  })
}
