import { BlockList, isIP } from 'node:net';

/** Why an address is not an ordinary public internet address. */
export type AddressClass =
  | 'cloud-metadata'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared-address-space'
  | 'link-local'
  | 'unique-local'
  | 'site-local'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'benchmarking'
  | 'reserved';

export const ADDRESS_CLASS_DESCRIPTIONS: Record<AddressClass, string> = {
  'cloud-metadata': 'a cloud metadata service address',
  unspecified: 'the unspecified address (this host)',
  loopback: 'a loopback address',
  private: 'a private network address',
  'shared-address-space': 'an address in the shared address space of carrier-grade NAT (100.64.0.0/10)',
  'link-local': 'a link-local address',
  'unique-local': 'an IPv6 unique local address (fc00::/7)',
  'site-local': 'an IPv6 site-local address (fec0::/10)',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  documentation: 'an address reserved for documentation',
  benchmarking: 'an address reserved for benchmarking',
  reserved: 'a reserved or special-purpose address',
};

/**
 * Classes an operator may open up for on-premise receivers and tests. The others are never
 * a web server: metadata services hand out cloud credentials, and an unspecified,
 * multicast or broadcast destination only reaches this host or everyone.
 */
export const PRIVATE_USE_CLASSES: ReadonlySet<AddressClass> = new Set([
  'loopback',
  'private',
  'shared-address-space',
  'link-local',
  'unique-local',
  'site-local',
  'documentation',
  'benchmarking',
  'reserved',
]);

// First match wins, so the narrow metadata and broadcast entries come before their ranges.
// From the IANA IPv4 and IPv6 special-purpose address registries, plus cloud metadata hosts.
const IPV4_RANGES: ReadonlyArray<readonly [AddressClass, readonly string[]]> = [
  // AWS/GCP/Azure IMDS, AWS ECS task metadata, Alibaba, Oracle, Azure WireServer.
  ['cloud-metadata', ['169.254.169.254/32', '169.254.170.2/32', '100.100.100.200/32', '192.0.0.192/32', '168.63.129.16/32']],
  ['broadcast', ['255.255.255.255/32']],
  ['unspecified', ['0.0.0.0/8']],
  ['loopback', ['127.0.0.0/8']],
  ['private', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']],
  ['shared-address-space', ['100.64.0.0/10']],
  ['link-local', ['169.254.0.0/16']],
  ['multicast', ['224.0.0.0/4']],
  ['documentation', ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24']],
  ['benchmarking', ['198.18.0.0/15']],
  ['reserved', ['192.0.0.0/24', '192.88.99.0/24', '240.0.0.0/4']],
];

const IPV6_RANGES: ReadonlyArray<readonly [AddressClass, readonly string[]]> = [
  ['cloud-metadata', ['fd00:ec2::254/128']],
  ['unspecified', ['::/128']],
  ['loopback', ['::1/128']],
  ['unique-local', ['fc00::/7']],
  ['link-local', ['fe80::/10']],
  ['site-local', ['fec0::/10']],
  ['multicast', ['ff00::/8']],
  ['documentation', ['2001:db8::/32', '3fff::/20']],
  ['benchmarking', ['2001:2::/48']],
  // Discard-only, IETF protocol assignments (Teredo, ORCHID …), local-use NAT64, SRv6 SIDs.
  ['reserved', ['100::/64', '2001::/23', '64:ff9b:1::/48', '5f00::/16']],
];

function compile(ranges: ReadonlyArray<readonly [AddressClass, readonly string[]]>, family: 'ipv4' | 'ipv6'): Array<[AddressClass, BlockList]> {
  return ranges.map(([addressClass, cidrs]) => {
    const list = new BlockList();
    for (const cidr of cidrs) {
      const [network, prefix] = cidr.split('/') as [string, string];
      list.addSubnet(network, Number(prefix), family);
    }
    return [addressClass, list];
  });
}

const IPV4_LISTS = compile(IPV4_RANGES, 'ipv4');
const IPV6_LISTS = compile(IPV6_RANGES, 'ipv6');
const GLOBAL_UNICAST = compile([['reserved', ['2000::/3']]], 'ipv6')[0]![1];

/**
 * The class of a literal IPv4 or IPv6 address, or null for an ordinary public address.
 * IPv6 forms that carry an IPv4 address (mapped, compatible, translated, NAT64, 6to4) are
 * judged by the IPv4 address inside, since that is where a connection ends up.
 * Anything that is not an IP address at all counts as reserved.
 */
export function classifyAddress(address: string): AddressClass | null {
  const zoneAt = address.indexOf('%');
  const bare = zoneAt === -1 ? address : address.slice(0, zoneAt);
  const version = isIP(bare);
  if (version === 4) return classifyIPv4(bare);
  if (version !== 6) return 'reserved';
  // A zone index only makes sense on a link-scoped address.
  return classifyIPv6(bare) ?? (zoneAt === -1 ? null : 'link-local');
}

function classifyIPv4(address: string): AddressClass | null {
  return IPV4_LISTS.find(([, list]) => list.check(address, 'ipv4'))?.[0] ?? null;
}

function classifyIPv6(address: string): AddressClass | null {
  const bytes = ipv6Bytes(address);
  const embedded = embeddedIPv4(bytes);
  if (embedded) {
    const inner = classifyIPv4(embedded.ipv4);
    if (inner) return inner;
    // The deprecated compatible and the SIIT-translated forms have no public use.
    return embedded.form === 'compatible' || embedded.form === 'translated' ? 'reserved' : null;
  }
  const listed = IPV6_LISTS.find(([, list]) => list.check(address, 'ipv6'))?.[0];
  if (listed) return listed;
  return GLOBAL_UNICAST.check(address, 'ipv6') ? null : 'reserved';
}

type EmbeddingForm = 'mapped' | 'compatible' | 'translated' | 'nat64' | '6to4';

function embeddedIPv4(bytes: Uint8Array): { form: EmbeddingForm; ipv4: string } | null {
  const zero = (from: number, to: number) => bytes.subarray(from, to).every((byte) => byte === 0);
  const lastFour = () => Array.from(bytes.subarray(12, 16)).join('.');
  if (zero(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return { form: 'mapped', ipv4: lastFour() };
  if (zero(0, 8) && bytes[8] === 0xff && bytes[9] === 0xff && zero(10, 12)) return { form: 'translated', ipv4: lastFour() };
  // ::/120 holds IPv6's own :: and ::1, not embeddings; the rest of it is reserved anyway.
  if (zero(0, 12) && !zero(12, 15)) return { form: 'compatible', ipv4: lastFour() };
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zero(4, 12)) return { form: 'nat64', ipv4: lastFour() };
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return { form: '6to4', ipv4: Array.from(bytes.subarray(2, 6)).join('.') };
  return null;
}

/** The 16 bytes of a valid IPv6 address in any textual form (with `::`, with a dotted tail). */
export function ipv6Bytes(address: string): Uint8Array {
  const tailStart = address.lastIndexOf(':') + 1;
  const dottedTail = address.includes('.', tailStart) ? address.slice(tailStart).split('.').map(Number) : null;
  const hexOnly = dottedTail ? `${address.slice(0, tailStart)}0:0` : address;
  const [head, tail] = hexOnly.split('::') as [string, string | undefined];
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    const value = Number.parseInt(group, 16);
    bytes[2 * i] = value >> 8;
    bytes[2 * i + 1] = value & 0xff;
  });
  if (dottedTail) bytes.set(dottedTail, 12);
  return bytes;
}
