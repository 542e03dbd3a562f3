import { describe, expect, it } from "vitest";
import {
  type Resolve,
  resolveWebhookAddress,
  webhookOrigin,
  whyNotPublic,
} from "./webhook-address";

const PRODUCTION = { allowLoopback: false };
const dns =
  (answers: Record<string, string[]>): Resolve =>
  async (host) =>
    (answers[host] ?? []).map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

async function outcome(url: string, options: Parameters<typeof resolveWebhookAddress>[1]) {
  try {
    return (await resolveWebhookAddress(new URL(url), options)).address;
  } catch (error) {
    return (error as Error).message;
  }
}

describe("whyNotPublic", () => {
  it("names loopback, private, link-local (metadata) and reserved addresses, IPv4 and IPv6", () => {
    expect(whyNotPublic("127.0.0.1")).toBe("a loopback address");
    expect(whyNotPublic("::1")).toBe("a loopback address");
    expect(whyNotPublic("::ffff:127.0.0.1")).toBe("a loopback address");
    expect(whyNotPublic("169.254.169.254")).toBe(
      "a link-local address (where cloud metadata services live)",
    );
    expect(whyNotPublic("fd00:ec2::254")).toBe("a private address");
    for (const address of ["10.1.2.3", "172.16.5.4", "172.31.255.255", "192.168.0.10"]) {
      expect(whyNotPublic(address)).toBe("a private address");
    }
    expect(whyNotPublic("fe80::1")).toBe("a link-local address");
    expect(whyNotPublic("0.0.0.0")).toBe("a reserved address");
    expect(whyNotPublic("100.64.0.1")).toBe("a carrier-grade NAT address");
  });

  it("lets public addresses through", () => {
    for (const address of ["93.184.215.14", "8.8.8.8", "172.32.0.1", "2606:4700::1111"]) {
      expect(whyNotPublic(address)).toBeNull();
    }
  });
});

describe("resolveWebhookAddress", () => {
  it("refuses http, and every address that is not public, in production", async () => {
    expect(await outcome("http://93.184.215.14/hook", PRODUCTION)).toBe(
      "Notices go out over https only: use the receiver's https:// address.",
    );
    expect(await outcome("https://169.254.169.254/latest/meta-data", PRODUCTION)).toBe(
      "169.254.169.254 is a link-local address (where cloud metadata services live): notices go to receivers on the public internet only.",
    );
    expect(await outcome("https://[::1]:5432/", PRODUCTION)).toBe(
      "::1 is a loopback address: notices go to receivers on the public internet only.",
    );
    const resolve = dns({ "db.internal.example": ["10.0.0.5"], localhost: ["127.0.0.1"] });
    expect(await outcome("https://db.internal.example/", { ...PRODUCTION, resolve })).toBe(
      "db.internal.example (10.0.0.5) is a private address: notices go to receivers on the public internet only.",
    );
    expect(await outcome("https://localhost/", { ...PRODUCTION, resolve })).toMatch(
      /^localhost \(127\.0\.0\.1\) is a loopback address/,
    );
  });

  it("refuses a host with any address that is not public, and one DNS does not know", async () => {
    const resolve = dns({ "mixed.example": ["93.184.215.14", "192.168.1.1"] });
    expect(await outcome("https://mixed.example/", { ...PRODUCTION, resolve })).toBe(
      "mixed.example (192.168.1.1) is a private address: notices go to receivers on the public internet only.",
    );
    expect(await outcome("https://nowhere.example/", { ...PRODUCTION, resolve })).toBe(
      "nowhere.example has no address in DNS: check the receiver's address.",
    );
  });

  it("gives the one public address the request will connect to", async () => {
    const resolve = dns({ "erp.example": ["93.184.215.14", "2606:4700::1111"] });
    expect(await outcome("https://erp.example/recalls", { ...PRODUCTION, resolve })).toBe(
      "93.184.215.14",
    );
  });

  it("allows a receiver on this machine, also over http, in development only", async () => {
    const development = { allowLoopback: true, resolve: dns({ localhost: ["127.0.0.1", "::1"] }) };
    expect(await outcome("http://localhost:4000/hook", development)).toBe("127.0.0.1");
    expect(await outcome("http://10.0.0.5/hook", development)).toBe(
      "Notices go out over https only: use the receiver's https:// address (http:// is for a receiver on this machine).",
    );
  });
});

describe("webhookOrigin", () => {
  it("keeps a URL's login and path out of what is logged", () => {
    expect(webhookOrigin("https://erp:s3cret@hooks.example:8443/t/0k3n?key=abc")).toBe(
      "https://hooks.example:8443",
    );
  });
});
