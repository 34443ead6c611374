import { isIP } from 'node:net';
import { ADDRESS_CLASS_DESCRIPTIONS, classifyAddress, PRIVATE_USE_CLASSES } from './address-policy.js';
import { HostResolver, type ResolvedAddress } from './host-resolver.js';
import { OutboundRefusedError } from './outbound-errors.js';

export interface OutboundPolicy {
  /** Let loopback and private networks through (tests, on-premise receivers). Metadata services stay closed. */
  allowPrivateNetworks: boolean;
  /** How long a host name may take to resolve. */
  resolveTimeoutMs?: number;
}

/** A URL the guard accepted, with the addresses it checked: the only ones that may be dialled. */
export interface OutboundTarget {
  url: URL;
  /** The host as written, without IPv6 brackets: the Host header and TLS server name. */
  hostname: string;
  /** In resolver order; never empty. */
  addresses: ResolvedAddress[];
}

// One message for every refused host name, whatever the reason: telling "resolves to a
// private address" from "does not resolve" would let a tenant enumerate internal DNS names.
const NAME_REFUSAL = 'url host must resolve, and only to public internet addresses';

/**
 * Decides which URLs the server may call: http(s) only, no credentials in the URL, and every
 * address the host resolves to must be public. Callers connect to `OutboundTarget.addresses`
 * and never resolve the name again, so an answer that changes between check and connect
 * (DNS rebinding) cannot steer the request.
 */
export class OutboundUrlGuard {
  constructor(
    private readonly resolver: HostResolver,
    private readonly policy: OutboundPolicy,
  ) {}

  async check(rawUrl: string): Promise<OutboundTarget> {
    const url = this.parse(rawUrl);
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const literal = isIP(hostname) !== 0;
    if (!literal && isLocalName(hostname) && !this.policy.allowPrivateNetworks) {
      throw new OutboundRefusedError('not-public', NAME_REFUSAL, undefined, 'loopback');
    }
    const addresses: ResolvedAddress[] = literal ? [{ address: hostname, family: isIP(hostname) === 6 ? 6 : 4 }] : await this.resolve(hostname);
    for (const { address } of addresses) {
      const addressClass = classifyAddress(address);
      if (!addressClass || (this.policy.allowPrivateNetworks && PRIVATE_USE_CLASSES.has(addressClass))) continue;
      const message = literal ? `url points to ${ADDRESS_CLASS_DESCRIPTIONS[addressClass]}, not to the public internet` : NAME_REFUSAL;
      throw new OutboundRefusedError('not-public', message, address, addressClass);
    }
    return { url, hostname, addresses };
  }

  private parse(rawUrl: string): URL {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new OutboundRefusedError('invalid-url', 'url is not a valid absolute URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundRefusedError('unsupported-scheme', 'url must use http or https');
    if (url.username || url.password) throw new OutboundRefusedError('credentials-in-url', 'url must not carry a user name or password');
    return url;
  }

  private async resolve(hostname: string): Promise<ResolvedAddress[]> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('resolution timed out')), this.policy.resolveTimeoutMs ?? 5000);
    });
    try {
      const addresses = await Promise.race([this.resolver.resolve(hostname), timeout]);
      if (addresses.length > 0) return addresses;
    } catch {
      // Reported below like an empty answer.
    } finally {
      clearTimeout(timer);
    }
    throw new OutboundRefusedError('not-public', NAME_REFUSAL, undefined, 'unresolvable');
  }
}

/** `localhost` names are loopback by definition (RFC 6761), whatever a resolver says. */
function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}
