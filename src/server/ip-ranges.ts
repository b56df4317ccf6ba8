/**
 * Address classification for the SSRF guard: pure functions over textual IPs, no `node:net`,
 * so they run (and are tested) anywhere.
 */

/** Parses dotted-quad IPv4 into a 32-bit number, or `null`. */
export function parseIPv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

/** Parses IPv6 (with `::` and a dotted IPv4 tail, zone id dropped) into 8 groups, or `null`. */
export function parseIPv6(text: string): number[] | null {
  let input = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!input.includes(':')) return null;
  const lastColon = input.lastIndexOf(':');
  const tail = input.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = parseIPv4(tail);
    if (v4 === null) return null;
    const high = Math.floor(v4 / 65536).toString(16);
    const low = (v4 % 65536).toString(16);
    input = `${input.slice(0, lastColon + 1)}${high}:${low}`;
  }
  const halves = input.split('::');
  if (halves.length > 2) return null;
  const toGroups = (part: string) => (part === '' ? [] : part.split(':'));
  const head = toGroups(halves[0]!);
  const rest = halves.length === 2 ? toGroups(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  const values: number[] = [];
  for (const group of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
    values.push(Number.parseInt(group, 16));
  }
  return values;
}

/**
 * IPv4 ranges a server-side fetch must not reach, as [network, prefix length]: every entry of
 * IANA's IPv4 Special-Purpose Address Registry whose "globally reachable" is false (or N/A),
 * plus multicast. 192.0.0.0/24 is refused whole, its two anycast addresses (PCP, TURN) too:
 * neither serves images.
 */
const BLOCKED_V4: ReadonlyArray<[string, number]> = [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT (also Alibaba's 100.100.100.200 metadata)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. cloud metadata 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // deprecated 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. broadcast
];

function inV4Range(address: number, network: string, prefix: number): boolean {
  const size = 2 ** (32 - prefix);
  const start = parseIPv4(network)!;
  return address >= start && address < start + size;
}

function isBlockedV4(address: number): boolean {
  return BLOCKED_V4.some(([network, prefix]) => inV4Range(address, network, prefix));
}

/**
 * Ranges inside global unicast 2000::/3 that IANA's IPv6 Special-Purpose Address Registry marks
 * not globally reachable (or N/A): the IETF block 2001::/23 (Teredo 2001::/32, which embeds an
 * IPv4 address, benchmarking, ORCHID…) and both documentation prefixes.
 */
const BLOCKED_GLOBAL_V6: ReadonlyArray<[string, number]> = [
  ['2001::', 23],
  ['2001:db8::', 32],
  ['3fff::', 20],
];

/** The registry's globally reachable entries inside 2001::/23. */
const REACHABLE_IN_2001_23: ReadonlyArray<[string, number]> = [
  ['2001:1::1', 128], // PCP anycast
  ['2001:1::2', 128], // TURN anycast
  ['2001:1::3', 128], // DNS-SD SRP anycast
  ['2001:3::', 32], // AMT
  ['2001:4:112::', 48], // AS112-v6
  ['2001:20::', 28], // ORCHIDv2
  ['2001:30::', 28], // drone remote ID
];

function inV6Range(groups: number[], network: string, prefix: number): boolean {
  const start = parseIPv6(network)!;
  for (let index = 0, bits = prefix; bits > 0; index += 1, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if (((groups[index] ?? 0) & mask) !== (start[index]! & mask)) return false;
  }
  return true;
}

const inAnyV6 = (groups: number[], ranges: ReadonlyArray<[string, number]>) =>
  ranges.some(([network, prefix]) => inV6Range(groups, network, prefix));

function isBlockedV6(groups: number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, , , , g6 = 0, g7 = 0] = groups;
  const embeddedV4 = g6 * 65536 + g7;
  // The connection goes to the IPv4 address inside: judge that one.
  if (inV6Range(groups, '::ffff:0:0', 96)) return isBlockedV4(embeddedV4); // IPv4-mapped
  if (inV6Range(groups, '64:ff9b::', 96)) return isBlockedV4(embeddedV4); // well-known NAT64
  if (g0 === 0x2002) return isBlockedV4(g1 * 65536 + g2); // 6to4
  // Everything outside 2000::/3 is reserved, local, link-local or multicast: ::1, ::/96,
  // IPv4-translated ::ffff:0:0:0/96, local-use NAT64 64:ff9b:1::/48, discard-only 100::/64,
  // the dummy prefix 100:0:0:1::/64, SRv6 5f00::/16, fc00::/7 (incl. AWS fd00:ec2::254),
  // fe80::/10, fec0::/10 and ff00::/8. IANA allocates public unicast only from 2000::/3.
  if ((g0 & 0xe000) !== 0x2000) return true;
  return inAnyV6(groups, BLOCKED_GLOBAL_V6) && !inAnyV6(groups, REACHABLE_IN_2001_23);
}

/**
 * Whether `address` (IPv4 or IPv6 text) is loopback, private, link-local, cloud metadata or
 * otherwise not a public unicast address. Unparseable text counts as blocked.
 */
export function isPrivateAddress(address: string): boolean {
  const v4 = parseIPv4(address);
  if (v4 !== null) return isBlockedV4(v4);
  const v6 = parseIPv6(address);
  if (v6 !== null) return isBlockedV6(v6);
  return true;
}

/** Whether a URL hostname is an IP literal (`1.2.3.4`, `[::1]`) rather than a DNS name. */
export function ipLiteral(hostname: string): string | null {
  if (parseIPv4(hostname) !== null) return hostname;
  if (hostname.startsWith('[') && parseIPv6(hostname) !== null) return hostname.slice(1, -1);
  return null;
}
