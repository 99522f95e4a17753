import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The id of the HTTP request being served, for code that runs without a tRPC context (errors raised
 * while the request is still being decoded). The host enters it for every request.
 */
export const requestIds = new AsyncLocalStorage<string>();
