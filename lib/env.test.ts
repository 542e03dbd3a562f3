import { describe, expect, it } from "vitest";
import {
  appEnvSchema,
  ConfigError,
  contractAdminEnvSchema,
  devicesEnvSchema,
  notifierEnvSchema,
  parseEnv,
  senderEnvSchema,
  webEnvSchema,
} from "./env";

const valid = {
  DATABASE_URL: "postgresql://postgres:pw@127.0.0.1:5432/lotledger",
  RPC_URL: "http://127.0.0.1:8545",
  CHAIN_ID: "31337",
  MASTER_KEY: "ab".repeat(32),
  WEBHOOK_SECRETS_KEY: "cd".repeat(32),
  AUTH_SECRET: "s".repeat(32),
};

function problemsOf(
  source: Record<string, string | undefined>,
  schema: Parameters<typeof parseEnv>[0] = appEnvSchema,
): string[] {
  try {
    parseEnv(schema, source);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnv(appEnvSchema)", () => {
  it("accepts a complete configuration and fills defaults", () => {
    const env = parseEnv(appEnvSchema, valid);
    expect(env.CHAIN_ID).toBe(31337);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.CONFIRMATIONS).toBe(0);
  });

  it("writes APP_URL's scheme and host in lower case, as a Digital Link needs, keeping its path", () => {
    const env = parseEnv(appEnvSchema, { ...valid, APP_URL: "HTTPS://Shop.Example.COM/Trace" });
    expect(env.APP_URL).toBe("https://shop.example.com/Trace");
  });

  it("names a malformed RPC_URL and says what to set", () => {
    expect(problemsOf({ ...valid, RPC_URL: "localhost:8545" })).toEqual([
      'RPC_URL is "localhost:8545": set it to the http(s) or ws(s) URL of an EVM JSON-RPC node, such as http://127.0.0.1:8545.',
    ]);
  });

  it("names a missing DATABASE_URL", () => {
    expect(problemsOf({ ...valid, DATABASE_URL: undefined })).toEqual([
      "DATABASE_URL is not set: set it to a PostgreSQL URL such as postgresql://user:password@host:5432/lotledger.",
    ]);
  });

  it("reports every wrong variable at once", () => {
    const problems = problemsOf({ ...valid, CHAIN_ID: "main", MASTER_KEY: "short" });
    expect(problems).toEqual([
      'CHAIN_ID is "main": set it to the EVM network\'s chain id, a positive whole number (31337 for the embedded chain).',
      "MASTER_KEY is set but malformed (5 characters): set it to 32 bytes as 64 hex characters (generate one with `openssl rand -hex 32`).",
    ]);
  });
});

describe("the mail server (SMTP_URL, MAIL_FROM)", () => {
  const SMTP_HINT =
    "the mail server as smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465, or leave it unset to write recall notices and invitations to the log";
  const FROM_HINT = "the sender of LotLedger's email, such as LotLedger <recalls@example.com>";

  it("is off when SMTP_URL is unset or blank", () => {
    for (const SMTP_URL of [undefined, ""]) {
      const env = parseEnv(webEnvSchema, { ...valid, SMTP_URL, MAIL_FROM: "" });
      expect([env.SMTP_URL, env.MAIL_FROM]).toEqual([undefined, undefined]);
    }
  });

  it("accepts smtp:// and smtps:// with a login, and a sender with or without a name", () => {
    for (const [SMTP_URL, MAIL_FROM] of [
      ["smtp://ada:pa%2Fss@mail.example.com:587", "LotLedger <recalls@example.com>"],
      ["smtps://mail.example.com", "recalls@example.com"],
    ]) {
      expect(parseEnv(notifierEnvSchema, { ...valid, SMTP_URL, MAIL_FROM })).toMatchObject({
        SMTP_URL,
        MAIL_FROM,
      });
    }
  });

  it("names a malformed SMTP_URL without showing its password", () => {
    const problems = problemsOf(
      { ...valid, SMTP_URL: "https://ada:hunter2@mail.example.com", MAIL_FROM: "a@example.com" },
      webEnvSchema,
    );
    expect(problems).toEqual([
      `SMTP_URL is "https://ada:***@mail.example.com": set it to ${SMTP_HINT}.`,
    ]);
    // Every problem at once: a sender is needed as well.
    expect(problemsOf({ ...valid, SMTP_URL: "mail.example.com:587" }, notifierEnvSchema)).toEqual([
      `SMTP_URL is "mail.example.com:587": set it to ${SMTP_HINT}.`,
      `MAIL_FROM is not set: set it to ${FROM_HINT}.`,
    ]);
  });

  it("needs MAIL_FROM with SMTP_URL, and a well-formed one", () => {
    const SMTP_URL = "smtp://ada:hunter2@mail.example.com:587";
    expect(problemsOf({ ...valid, SMTP_URL }, webEnvSchema)).toEqual([
      `MAIL_FROM is not set: set it to ${FROM_HINT}.`,
    ]);
    expect(problemsOf({ ...valid, SMTP_URL, MAIL_FROM: "LotLedger" }, notifierEnvSchema)).toEqual([
      `MAIL_FROM is "LotLedger": set it to ${FROM_HINT}.`,
    ]);
  });
});

describe("parseEnv(contractAdminEnvSchema)", () => {
  it("says which key to set when the contract admin's key is missing", () => {
    const error = (() => {
      try {
        parseEnv(contractAdminEnvSchema, {});
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      "DEPLOYER_PRIVATE_KEY is not set: set it to the 0x… private key (64 hex characters) of the account that deploys and administers LotTracker.",
    ]);
  });

  it("accepts a 64-hex-character key with or without 0x", () => {
    for (const key of [`0x${"ab".repeat(32)}`, "ab".repeat(32)]) {
      expect(parseEnv(contractAdminEnvSchema, { DEPLOYER_PRIVATE_KEY: key })).toEqual({
        DEPLOYER_PRIVATE_KEY: key,
      });
    }
  });
});

describe("each process's keys", () => {
  it("the web app runs without MASTER_KEY and never sees it, only the webhook secrets' key", () => {
    const { MASTER_KEY: _, ...withoutMasterKey } = valid;
    const env = parseEnv(webEnvSchema, valid);
    expect(env).not.toHaveProperty("MASTER_KEY");
    expect(env.WEBHOOK_SECRETS_KEY).toBe(valid.WEBHOOK_SECRETS_KEY);
    expect(parseEnv(webEnvSchema, withoutMasterKey).AUTH_SECRET).toBe(valid.AUTH_SECRET);
  });

  it("the notifier opens webhook secrets without MASTER_KEY; the sender has MASTER_KEY alone", () => {
    const { MASTER_KEY: _, ...withoutMasterKey } = valid;
    expect(parseEnv(notifierEnvSchema, withoutMasterKey)).not.toHaveProperty("MASTER_KEY");
    expect(Object.keys(parseEnv(senderEnvSchema, valid)).sort()).toEqual([
      "CHAIN_ID",
      "DATABASE_URL",
      "MASTER_KEY",
      "RPC_URL",
    ]);
  });
});

describe("the proxy header to trust (TRUST_PROXY_HEADER)", () => {
  it("is unset by default: rate limits count the socket's address", () => {
    expect(parseEnv(appEnvSchema, valid).TRUST_PROXY_HEADER).toBeUndefined();
    expect(parseEnv(appEnvSchema, { ...valid, TRUST_PROXY_HEADER: "" }).TRUST_PROXY_HEADER).toBe(
      undefined,
    );
  });

  it("takes a header name in any case, and refuses anything else with what to set", () => {
    const env = parseEnv(appEnvSchema, { ...valid, TRUST_PROXY_HEADER: "X-Forwarded-For" });
    expect(env.TRUST_PROXY_HEADER).toBe("x-forwarded-for");
    expect(problemsOf({ ...valid, TRUST_PROXY_HEADER: "x-forwarded-for: 1.2.3.4" })).toEqual([
      'TRUST_PROXY_HEADER is "x-forwarded-for: 1.2.3.4": set it to the header your reverse proxy writes the client\'s address in, such as x-forwarded-for, or leave it unset when browsers connect to LotLedger directly.',
    ]);
  });
});

describe("the MQTT broker of the data loggers (MQTT_URL)", () => {
  const HINT =
    "the URL of the MQTT broker data loggers publish to, such as mqtt://user:password@broker:1883 (mqtts:// for TLS), or leave it unset for `npm start` to run its embedded broker";
  const devices = { DATABASE_URL: valid.DATABASE_URL, CHAIN_ID: valid.CHAIN_ID };

  it("takes mqtt://, mqtts:// and ws(s):// brokers, with or without a login", () => {
    for (const MQTT_URL of [
      "mqtt://127.0.0.1:1883",
      "mqtts://ada:pw@broker.example.com:8883",
      "wss://broker.example.com/mqtt",
    ]) {
      expect(parseEnv(devicesEnvSchema, { ...devices, MQTT_URL }).MQTT_URL).toBe(MQTT_URL);
    }
  });

  it("is optional for the web app, required by the devices worker", () => {
    expect(parseEnv(appEnvSchema, { ...valid, MQTT_URL: "" }).MQTT_URL).toBeUndefined();
    expect(problemsOf(devices, devicesEnvSchema)).toEqual([
      `MQTT_URL is not set: set it to ${HINT}.`,
    ]);
  });

  it("names a malformed MQTT_URL without showing its password", () => {
    expect(
      problemsOf({ ...devices, MQTT_URL: "http://ada:hunter2@broker:1883" }, devicesEnvSchema),
    ).toEqual([`MQTT_URL is "http://ada:***@broker:1883": set it to ${HINT}.`]);
  });
});
