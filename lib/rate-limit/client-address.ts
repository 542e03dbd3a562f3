import "server-only";
import type { IncomingMessage } from "node:http";
import { isIPv4, isIPv6 } from "node:net";
import { getEnv } from "@/lib/env";

/**
 * The socket's address, as workers/web.ts found it, for the route handlers and server actions behind
 * it (Next gives them no socket). web.ts overwrites whatever a client sent under this name.
 */
export const SOCKET_ADDRESS_HEADER = "x-lotledger-socket-address";

/** web.ts, on each request before Next sees it: the socket's address, never the client's claim. */
export function stampSocketAddress(request: IncomingMessage): void {
  request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
}

/**
 * Who is asking, for rate limits: the socket's address, or, when LotLedger runs behind a proxy named
 * by TRUST_PROXY_HEADER, the last address in that header (the one the proxy itself wrote; earlier ones
 * are the client's own claims). An IPv6 address counts as its /64, which one subscriber usually holds
 * whole, so that walking through it does not reset the count.
 */
export function clientAddressOf(
  header: (name: string) => string | null | undefined,
  trustProxyHeader: string | undefined,
): string {
  const raw = trustProxyHeader
    ? header(trustProxyHeader)?.split(",").pop()
    : header(SOCKET_ADDRESS_HEADER);
  return addressSubject(raw?.trim() ?? "") ?? "unknown";
}

/** Who is asking, by the configured rule: for route handlers, server actions and web.ts alike. */
export function clientAddressOfRequest(headers: Headers | IncomingMessage["headers"]): string {
  return clientAddressOf(headerGetter(headers), getEnv().TRUST_PROXY_HEADER);
}

/** A Request's or an IncomingMessage's headers as the getter clientAddressOf reads. */
export function headerGetter(headers: Headers | IncomingMessage["headers"]) {
  // Next's ReadonlyHeaders behaves as Headers; tell them apart by their get.
  if (typeof headers.get === "function") return (name: string) => (headers as Headers).get(name);
  return (name: string) => {
    const value = (headers as IncomingMessage["headers"])[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
}

/** 203.0.113.7 as is, ::ffff:203.0.113.7 as 203.0.113.7, 2001:db8:1:2:… as 2001:db8:1:2::/64. */
export function addressSubject(address: string): string | null {
  const unbracketed = address.replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(unbracketed)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(unbracketed)) return unbracketed;
  if (!isIPv6(unbracketed)) return null;
  return `${expandIPv6(unbracketed).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, "::" filled in, zone dropped, without leading zeros. */
export function expandIPv6(address: string): string[] {
  const [head = "", tail] = address.split("%")[0]?.split("::") ?? [];
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const left = groups(head);
  const right = groups(tail);
  // An embedded IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) is two groups.
  const last = right.length > 0 ? right : left;
  const ipv4 = last.length > 0 && isIPv4(last[last.length - 1] as string) ? last.pop() : undefined;
  if (ipv4) {
    const [a, b, c, d] = ipv4.split(".").map(Number) as [number, number, number, number];
    last.push(((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array(missing).fill("0"), ...right].map((g) =>
    Number.parseInt(g, 16).toString(16),
  );
}
