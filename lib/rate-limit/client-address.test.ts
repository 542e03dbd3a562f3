import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import {
  addressSubject,
  clientAddressOf,
  expandIPv6,
  headerGetter,
  SOCKET_ADDRESS_HEADER,
  stampSocketAddress,
} from "./client-address";

const headers = (values: Record<string, string>) => (name: string) => values[name];

describe("clientAddressOf", () => {
  it("counts the socket's address, whatever a client claims in forwarding headers", () => {
    const from = headers({ [SOCKET_ADDRESS_HEADER]: "198.51.100.4", "x-forwarded-for": "1.1.1.1" });
    expect(clientAddressOf(from, undefined)).toBe("198.51.100.4");
  });

  it("behind the configured proxy, takes the last address of its header: the one it wrote", () => {
    const from = headers({
      [SOCKET_ADDRESS_HEADER]: "10.0.0.2",
      "x-forwarded-for": "1.1.1.1, 203.0.113.9",
    });
    expect(clientAddressOf(from, "x-forwarded-for")).toBe("203.0.113.9");
  });

  it("says unknown when there is no address to count", () => {
    expect(clientAddressOf(headers({}), undefined)).toBe("unknown");
    expect(clientAddressOf(headers({ "x-real-ip": "not an address" }), "x-real-ip")).toBe(
      "unknown",
    );
  });
});

describe("stampSocketAddress (workers/web.ts, before Next)", () => {
  it("overwrites whatever address a client wrote under the header's name", () => {
    const request = {
      headers: { [SOCKET_ADDRESS_HEADER]: "203.0.113.1" },
      socket: { remoteAddress: "::ffff:198.51.100.9" },
    } as unknown as IncomingMessage;
    stampSocketAddress(request);
    expect(clientAddressOf(headerGetter(request.headers), undefined)).toBe("198.51.100.9");
  });
});

describe("addressSubject", () => {
  it("keeps IPv4, unwraps IPv4-mapped IPv6, and counts IPv6 by its /64", () => {
    expect(addressSubject("203.0.113.7")).toBe("203.0.113.7");
    expect(addressSubject("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressSubject("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressSubject("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressSubject("[2001:0db8::1]")).toBe("2001:db8:0:0::/64");
    expect(addressSubject("::1")).toBe("0:0:0:0::/64");
  });
});

describe("expandIPv6", () => {
  it("fills in :: and turns an IPv4 tail into two groups", () => {
    expect(expandIPv6("fe80::1%eth0")).toEqual(["fe80", "0", "0", "0", "0", "0", "0", "1"]);
    expect(expandIPv6("64:ff9b::192.0.2.33")).toEqual([
      "64",
      "ff9b",
      "0",
      "0",
      "0",
      "0",
      "c000",
      "221",
    ]);
    expect(expandIPv6("1:2:3:4:5:6:7:8")).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
  });
});
