import { BlockList, isIP } from 'node:net';

/*
 * Which addresses a compose agent URL may point at (compose-agent.md, "No SSRF"). The matching is
 * node:net's BlockList; this file only holds the table and turns `COMPOSE_AGENT_ALLOWED_CIDRS` into one.
 */

interface Range {
  network: string;
  prefix: number;
  label: string;
}

/** IPv4 ranges Stacker must not call: internal networks, this host, cloud metadata, non-unicast. */
const BLOCKED_V4: readonly Range[] = [
  { network: '0.0.0.0', prefix: 8, label: 'this-network' },
  { network: '10.0.0.0', prefix: 8, label: 'private' },
  { network: '100.64.0.0', prefix: 10, label: 'cgnat' },
  { network: '127.0.0.0', prefix: 8, label: 'loopback' },
  // 169.254.169.254 is the metadata endpoint of most clouds.
  { network: '169.254.0.0', prefix: 16, label: 'link-local' },
  { network: '172.16.0.0', prefix: 12, label: 'private' },
  { network: '192.0.0.0', prefix: 24, label: 'ietf-special' },
  { network: '192.168.0.0', prefix: 16, label: 'private' },
  { network: '198.18.0.0', prefix: 15, label: 'benchmarking' },
  { network: '224.0.0.0', prefix: 4, label: 'multicast' },
  // Includes 255.255.255.255, the limited broadcast address.
  { network: '240.0.0.0', prefix: 4, label: 'reserved' },
];

const BLOCKED_V6: readonly Range[] = [
  // ::, ::1 and the deprecated IPv4-compatible form ::a.b.c.d.
  { network: '::', prefix: 96, label: 'loopback' },
  { network: 'fc00::', prefix: 7, label: 'unique-local' },
  { network: 'fe80::', prefix: 10, label: 'link-local' },
  { network: 'fec0::', prefix: 10, label: 'site-local' },
  { network: 'ff00::', prefix: 8, label: 'multicast' },
];

// An IPv4 address can be reached through IPv6 spellings: the mapped form (::ffff:a.b.c.d) and the
// NAT64 well-known prefix (64:ff9b::a.b.c.d). BlockList already treats mapped addresses as IPv4, but the
// rules are written out so the guard does not depend on that detail.
const V4_IN_V6_PREFIXES = ['::ffff:', '64:ff9b::'] as const;

export type AddressVerdict = { allowed: true } | { allowed: false; range: string };

function addRange(list: BlockList, range: Range, family: 'ipv4' | 'ipv6'): void {
  list.addSubnet(range.network, range.prefix, family);
  if (family === 'ipv4') {
    for (const prefix of V4_IN_V6_PREFIXES) {
      list.addSubnet(`${prefix}${range.network}`, range.prefix + 96, 'ipv6');
    }
  }
}

/** `10.0.0.0/8`, `fd00::/8` or a bare address; throws naming the variable on a bad entry. */
export function parseCidr(entry: string): Range & { family: 'ipv4' | 'ipv6' } {
  const [network = '', prefixText, ...rest] = entry.trim().split('/');
  const version = isIP(network);
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (
    version === 0 ||
    rest.length > 0 ||
    (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) ||
    prefix > max
  ) {
    throw new Error(`COMPOSE_AGENT_ALLOWED_CIDRS: "${entry}" is not an address or CIDR`);
  }
  return { network, prefix, label: 'allowed', family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** Decides, for one IP address, whether Stacker may connect to it. Built once per policy. */
export class AddressPolicy {
  // One list per blocked range, so a refusal can say which range it hit.
  readonly #blocked: { list: BlockList; label: string }[] = [];
  readonly #allowed = new BlockList();
  readonly #allowPrivate: boolean;

  constructor(policy: { allowedCidrs: readonly string[]; allowPrivate: boolean }) {
    this.#allowPrivate = policy.allowPrivate;
    for (const [ranges, family] of [
      [BLOCKED_V4, 'ipv4'],
      [BLOCKED_V6, 'ipv6'],
    ] as const) {
      for (const range of ranges) {
        const list = new BlockList();
        addRange(list, range, family);
        this.#blocked.push({ list, label: range.label });
      }
    }
    for (const entry of policy.allowedCidrs) {
      const range = parseCidr(entry);
      addRange(this.#allowed, range, range.family);
    }
  }

  /** `address` must be an IP literal (a zone id such as `%eth0` is ignored). */
  classify(address: string): AddressVerdict {
    const bare = address.split('%', 1)[0] ?? address;
    const version = isIP(bare);
    if (version === 0) return { allowed: false, range: 'not-an-ip' };
    if (this.#allowPrivate) return { allowed: true };
    const family = version === 4 ? 'ipv4' : 'ipv6';
    const hit = this.#blocked.find((b) => b.list.check(bare, family));
    if (hit === undefined || this.#allowed.check(bare, family)) return { allowed: true };
    return { allowed: false, range: hit.label };
  }
}
