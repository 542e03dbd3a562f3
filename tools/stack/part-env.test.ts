import { describe, expect, it } from "vitest";
import { partEnv, withoutSecrets } from "./part-env";

// Everything `npm start` holds, plus what the operator's shell passed on (PATH, the deployer key).
const stackEnv = {
  NODE_ENV: "production",
  PATH: "/usr/bin",
  DATABASE_URL: "postgresql://postgres:pw@127.0.0.1:54329/lotledger",
  RPC_URL: "http://127.0.0.1:8545",
  DEPLOYER_PRIVATE_KEY: `0x${"11".repeat(32)}`,
  MASTER_KEY: "22".repeat(32),
  WEBHOOK_SECRETS_KEY: "33".repeat(32),
  AUTH_SECRET: "4".repeat(40),
  SMTP_URL: "smtp://ada:hunter2@mail.example.com:587",
  MQTT_URL: "mqtt://lotledger:hunter3@127.0.0.1:1883",
} as const;
const SECRETS = [
  "DEPLOYER_PRIVATE_KEY",
  "MASTER_KEY",
  "WEBHOOK_SECRETS_KEY",
  "AUTH_SECRET",
  "SMTP_URL",
  "MQTT_URL",
];
const secretsOf = (env: NodeJS.ProcessEnv) => SECRETS.filter((name) => name in env);

describe("each part of the stack gets only the secrets it needs", () => {
  it("the sender signs with MASTER_KEY; nobody gets the deployer key", () => {
    expect(secretsOf(partEnv("sender", stackEnv))).toEqual(["MASTER_KEY"]);
    expect(secretsOf(partEnv("indexer", stackEnv))).toEqual([]);
    expect(secretsOf(partEnv("capture", stackEnv))).toEqual([]);
    expect(secretsOf(partEnv("devices", stackEnv))).toEqual(["MQTT_URL"]);
    expect(secretsOf(partEnv("notifier", stackEnv))).toEqual(["WEBHOOK_SECRETS_KEY", "SMTP_URL"]);
    expect(secretsOf(partEnv("web", stackEnv))).toEqual([
      "WEBHOOK_SECRETS_KEY",
      "AUTH_SECRET",
      "SMTP_URL",
    ]);
  });

  it("passes the rest through, and `next build` gets no secret at all", () => {
    expect(partEnv("indexer", stackEnv)).toMatchObject({
      PATH: "/usr/bin",
      DATABASE_URL: stackEnv.DATABASE_URL,
      RPC_URL: stackEnv.RPC_URL,
    });
    expect(secretsOf(withoutSecrets(stackEnv))).toEqual([]);
  });
});
