import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, retryDelayMs } from "./deliver";
import { postWebhook, signWebhook } from "./webhook";

describe("signWebhook", () => {
  it("is HMAC-SHA256 over timestamp.body, as `openssl dgst -sha256 -hmac` computes it", () => {
    // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test'
    expect(signWebhook("whsec_test", 1_700_000_000, '{"a":1}')).toBe(
      "sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789",
    );
  });
});

describe("retryDelayMs", () => {
  const noJitter = () => 0;

  it("doubles from the base after each failed attempt", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 5_000, noJitter))).toEqual([
      5_000, 10_000, 20_000, 40_000,
    ]);
  });

  it("waits at most six hours, plus at most a tenth at random", () => {
    expect(retryDelayMs(MAX_ATTEMPTS, 5_000, noJitter)).toBe(6 * 3_600_000);
    expect(retryDelayMs(1, 5_000, () => 0.999)).toBe(5_500);
  });
});

describe("postWebhook", () => {
  type Received = { host?: string; authorization?: string; body: string };
  let received: Received[] = [];
  let status = 200;
  let port = 0;
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk;
    });
    request.on("end", () => {
      received.push({
        host: request.headers.host,
        authorization: request.headers.authorization,
        body,
      });
      response.writeHead(status).end();
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());
  beforeEach(() => {
    received = [];
    status = 200;
  });

  /** DNS that answers loopback first, then an address nobody listens on: a rebinding attacker's. */
  function rebindingDns() {
    const calls: string[] = [];
    const resolve = async (host: string) => {
      calls.push(host);
      const address = calls.length === 1 ? "127.0.0.1" : "10.255.255.1";
      return [{ address, family: 4 as const }];
    };
    return { calls, resolve };
  }

  const send = (url: string, addressing: Parameters<typeof postWebhook>[0]["addressing"]) =>
    postWebhook({ url, secret: "whsec_test", body: '{"a":1}', deliveryId: "n1", addressing });

  it("connects to the address it checked, asking DNS once: a changed answer cannot steer it", async () => {
    const dns = rebindingDns();
    await send(`http://receiver.test:${port}/hook`, { allowLoopback: true, resolve: dns.resolve });
    expect(dns.calls).toEqual(["receiver.test"]);
    expect(received).toEqual([
      { host: `receiver.test:${port}`, authorization: undefined, body: '{"a":1}' },
    ]);
  });

  it("sends nothing to loopback or over http outside development", async () => {
    const error = await send(`http://127.0.0.1:${port}/hook`, { allowLoopback: false }).catch(
      (e: Error) => e.message,
    );
    expect(error).toBe(
      `http://127.0.0.1:${port} refused: Notices go out over https only: use the receiver's https:// address.`,
    );
    expect(received).toEqual([]);
  });

  it("sends a URL's login as basic authentication, and names the receiver without it or its path", async () => {
    status = 500;
    const error = await send(`http://erp:s3cret@receiver.test:${port}/t/0k3n?key=abc`, {
      allowLoopback: true,
      resolve: rebindingDns().resolve,
    }).catch((e: Error) => e.message);
    expect(error).toBe(`http://receiver.test:${port} answered HTTP 500`);
    expect(received[0]?.authorization).toBe(
      `Basic ${Buffer.from("erp:s3cret").toString("base64")}`,
    );
  });
});
