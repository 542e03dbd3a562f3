import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/**
 * Where a webhook may point: the public internet only. An organisation's admin chooses the URL, so
 * without this LotLedger would POST from inside its own network on their behalf — to its database's
 * port, a cloud's metadata service (169.254.169.254) or anything on loopback.
 */
const NOT_PUBLIC: [string, number, "ipv4" | "ipv6", string][] = [
  ["0.0.0.0", 8, "ipv4", "a reserved address"],
  ["10.0.0.0", 8, "ipv4", "a private address"],
  ["100.64.0.0", 10, "ipv4", "a carrier-grade NAT address"],
  ["127.0.0.0", 8, "ipv4", "a loopback address"],
  ["169.254.0.0", 16, "ipv4", "a link-local address (where cloud metadata services live)"],
  ["172.16.0.0", 12, "ipv4", "a private address"],
  ["192.0.0.0", 24, "ipv4", "a reserved address"],
  ["192.0.2.0", 24, "ipv4", "a documentation address"],
  ["192.168.0.0", 16, "ipv4", "a private address"],
  ["198.18.0.0", 15, "ipv4", "a benchmarking address"],
  ["198.51.100.0", 24, "ipv4", "a documentation address"],
  ["203.0.113.0", 24, "ipv4", "a documentation address"],
  ["224.0.0.0", 4, "ipv4", "a multicast address"],
  ["240.0.0.0", 4, "ipv4", "a reserved address"],
  ["::", 128, "ipv6", "a reserved address"],
  ["::1", 128, "ipv6", "a loopback address"],
  ["64:ff9b::", 96, "ipv6", "a NAT64 address"],
  ["64:ff9b:1::", 48, "ipv6", "a NAT64 address"],
  ["100::", 64, "ipv6", "a reserved address"],
  ["2001:db8::", 32, "ipv6", "a documentation address"],
  ["2002::", 16, "ipv6", "a 6to4 address"],
  ["fc00::", 7, "ipv6", "a private address"],
  ["fe80::", 10, "ipv6", "a link-local address"],
  ["fec0::", 10, "ipv6", "a site-local address"],
  ["ff00::", 8, "ipv6", "a multicast address"],
];

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/** IPv4-mapped IPv6 (::ffff:10.0.0.1) is the IPv4 address it carries. */
function unmapped(address: string): string {
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
}

/** Why `address` is no public internet address ("a private address"), or null when it is one. */
export function whyNotPublic(address: string): string | null {
  const plain = unmapped(address);
  const family = isIP(plain) === 4 ? "ipv4" : "ipv6";
  for (const [network, prefix, type, why] of NOT_PUBLIC) {
    if (type !== family) continue;
    const range = new BlockList();
    range.addSubnet(network, prefix, type);
    if (range.check(plain, family)) return why;
  }
  return null;
}

export function isLoopback(address: string): boolean {
  const plain = unmapped(address);
  return LOOPBACK.check(plain, isIP(plain) === 4 ? "ipv4" : "ipv6");
}

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

const resolveWithDns: Resolve = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })) as ResolvedAddress[];

/**
 * Loopback receivers are for a developer's machine: under `next dev` and the tests only, never in
 * `npm start`'s processes (NODE_ENV production, or unset in the notifier).
 */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === "development" || process.env.NODE_ENV === "test";
}

export class WebhookAddressError extends Error {}

/**
 * The one address a notice to `url` is sent to: every address its host resolves to must be public
 * (in development, all of them loopback will do too), and the request connects to the address checked
 * here, so a DNS answer that changes between the check and the connection (rebinding) cannot steer it.
 */
export async function resolveWebhookAddress(
  url: URL,
  { allowLoopback = isDevelopment(), resolve = resolveWithDns } = {},
): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const family = isIP(host);
  const addresses: ResolvedAddress[] =
    family === 0
      ? await resolveOrExplain(resolve, host)
      : [{ address: host, family: family as 4 | 6 }];
  const isAllLoopback = addresses.every((a) => isLoopback(a.address));
  if (url.protocol !== "https:" && !(allowLoopback && isAllLoopback)) {
    throw new WebhookAddressError(
      `Notices go out over https only: use the receiver's https:// address${allowLoopback ? " (http:// is for a receiver on this machine)" : ""}.`,
    );
  }
  if (!(allowLoopback && isAllLoopback)) {
    for (const { address } of addresses) {
      const why = whyNotPublic(address);
      if (why) {
        const named = host === address ? address : `${host} (${address})`;
        throw new WebhookAddressError(
          `${named} is ${why}: notices go to receivers on the public internet only.`,
        );
      }
    }
  }
  return addresses[0] as ResolvedAddress;
}

async function resolveOrExplain(resolve: Resolve, host: string): Promise<ResolvedAddress[]> {
  const addresses = await resolve(host).catch(() => []);
  if (addresses.length === 0) {
    throw new WebhookAddressError(`${host} has no address in DNS: check the receiver's address.`);
  }
  return addresses;
}

/** scheme://host[:port] of a webhook URL: what a log line or an error says, never its login or path. */
export function webhookOrigin(url: string | URL): string {
  try {
    const { protocol, host } = new URL(url);
    return `${protocol}//${host}`;
  } catch {
    return "the webhook";
  }
}
