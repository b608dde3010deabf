/**
 * The kit's errors, one concern per module so that browser bundles take only the codes:
 * - `kit-error-codes.ts`: the stable codes (browser and server);
 * - `kit-error-statuses.ts`: each code's HTTP status and retryability (server);
 * - `kit-error-for-return-code.ts`: CENTAGATE return code -> kit code and message key (server).
 */
export * from './kit-error-codes'
export * from './kit-error-for-return-code'
export * from './kit-error-statuses'
