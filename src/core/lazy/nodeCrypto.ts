import type * as Crypto from 'node:crypto';

/**
 * node:crypto, required on first use instead of when a bundle loads: loading it takes about 6 ms, which
 * every activation (for a webview nonce) and every CLI scan (for the portfolio's email hash) paid though
 * most never use it.
 */
export function nodeCrypto(): typeof Crypto {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:crypto') as typeof Crypto;
}
