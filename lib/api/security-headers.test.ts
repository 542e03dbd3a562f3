import { describe, expect, it } from "vitest";
import { newNonce, securityHeaders } from "./security-headers";

describe("securityHeaders", () => {
  it("sends HSTS only when LotLedger is reached over https", () => {
    expect(securityHeaders({ pathname: "/lots", nonce: "n", isHttps: true })).toMatchObject({
      "strict-transport-security": "max-age=31536000",
    });
    expect(securityHeaders({ pathname: "/lots", nonce: "n", isHttps: false })).not.toHaveProperty(
      "strict-transport-security",
    );
  });

  it("gives app pages the nonce, and the public answers no script at all", () => {
    const app = securityHeaders({ pathname: "/scan", nonce: "abc", isHttps: false });
    expect(app["content-security-policy"]).toContain(
      "script-src 'self' 'nonce-abc' 'strict-dynamic' 'wasm-unsafe-eval';",
    );
    expect(app["content-security-policy"]).not.toContain("'unsafe-eval'");
    expect(app["content-security-policy"]).toContain("worker-src 'self'");
    for (const pathname of [
      "/01/09506000134352",
      "/414/9520123456788",
      "/8003/09520123456788X1",
      "/linkset/01/x",
      "/api/lots",
      "/recall-status/01/x",
      "/check",
    ]) {
      const headers = securityHeaders({ pathname, nonce: "abc", isHttps: false });
      expect(headers["content-security-policy"]).toMatch(
        /^default-src 'none'; style-src 'unsafe-inline';/,
      );
      expect(headers["content-security-policy"]).not.toContain("script-src");
      // The "check another lot" form sends its GET request to this site only.
      expect(headers["content-security-policy"]).toContain("form-action 'self'");
    }
  });

  it("allows eval in development only, where React needs it", () => {
    const dev = securityHeaders({ pathname: "/", nonce: "n", isHttps: false, isDevelopment: true });
    expect(dev["content-security-policy"]).toContain("'unsafe-eval'");
  });

  it("makes a different 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0] as string, "base64")).toHaveLength(16);
  });
});
