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

/** IPv4 ranges a server-side fetch must not reach: [network, prefix length, why]. */
const BLOCKED_V4: ReadonlyArray<[string, number]> = [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT (also Alibaba's 100.100.100.200 metadata)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. cloud metadata 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
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

function isBlockedV6(groups: number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embeddedV4 = g6 * 65536 + g7;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0) {
    if (g5 === 0xffff) return isBlockedV4(embeddedV4); // ::ffff:a.b.c.d (mapped)
    if (g5 === 0) return true; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return isBlockedV4(embeddedV4); // NAT64 64:ff9b::a.b.c.d
  }
  if (g0 === 0x2002) return isBlockedV4(g1 * 65536 + g2); // 6to4 wraps an IPv4 address
  if ((g0 & 0xfe00) === 0xfc00) return true; // unique local fc00::/7 (incl. AWS fd00:ec2::254)
  if ((g0 & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return true; // site-local (deprecated) fec0::/10
  if ((g0 & 0xff00) === 0xff00) return true; // multicast
  if (g0 === 0x2001 && g1 === 0x0db8) return true; // documentation
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return true; // discard-only 100::/64
  return false;
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
