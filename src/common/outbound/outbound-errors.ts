import type { AddressClass } from './address-policy.js';

export type RefusalReason = 'invalid-url' | 'unsupported-scheme' | 'credentials-in-url' | 'not-public';

/**
 * The guard would not call this URL. `message` is safe to show the tenant who gave the URL;
 * `address` and `addressClass` are for the operator's log only, since telling a tenant what
 * an internal name resolves to would map the internal network for them.
 */
export class OutboundRefusedError extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
    readonly address?: string,
    readonly addressClass?: AddressClass | 'unresolvable',
  ) {
    super(message);
    this.name = 'OutboundRefusedError';
  }
}

export type TransportFailure = 'timeout' | 'connection-failed' | 'tls-failed';

/** The request was allowed but did not complete; deliberately coarse, it names no address. */
export class OutboundTransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    /** Nothing was sent: the address refused or could not be reached, another may be tried. */
    readonly unreachable = false,
  ) {
    super(failure === 'timeout' ? 'timed out' : failure === 'tls-failed' ? 'TLS handshake failed' : 'connection failed');
    this.name = 'OutboundTransportError';
  }
}
