import { z } from "zod";

/**
 * Configuration of the web app and the indexer, validated once. `npm start` fills in the embedded
 * defaults (tools/start.ts) before these processes start; in production every value comes from the
 * environment. A wrong value stops start-up with one sentence per variable naming it and what to set.
 */
const hints = {
  DATABASE_URL: "a PostgreSQL URL such as postgresql://user:password@host:5432/lotledger",
  RPC_URL: "the http(s) or ws(s) URL of an EVM JSON-RPC node, such as http://127.0.0.1:8545",
  CHAIN_ID: "the EVM network's chain id, a positive whole number (31337 for the embedded chain)",
  MASTER_KEY: "32 bytes as 64 hex characters (generate one with `openssl rand -hex 32`)",
  WEBHOOK_SECRETS_KEY:
    "32 bytes as 64 hex characters (`npm start` derives it from MASTER_KEY for the web app and the notifier)",
  AUTH_SECRET:
    "a random string of at least 32 characters (generate one with `openssl rand -hex 32`)",
  APP_URL: "the URL people open LotLedger at, such as http://localhost:3000",
  CONFIRMATIONS: "the number of blocks to wait before indexing a block, a whole number ≥ 0",
  CONTRACT_ADDRESS:
    "the 0x… address of a deployed LotTracker contract, or leave it unset to deploy one",
  DEPLOYMENT_BLOCK: "the block number LotTracker was deployed in (indexing starts there)",
  DEPLOYER_PRIVATE_KEY:
    "the 0x… private key (64 hex characters) of the account that deploys and administers LotTracker",
  DATA_DIR: "a folder for the embedded database and chain, such as data",
  PORT: "a TCP port number for the web app, such as 3000",
  ANVIL_PORT: "a free TCP port for the embedded chain, such as 8545",
  EMBEDDED_POSTGRES_PORT: "a free TCP port for the embedded PostgreSQL, such as 54329",
  SMTP_URL:
    "the mail server as smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465, or leave it unset to write recall notices and invitations to the log",
  MAIL_FROM: "the sender of LotLedger's email, such as LotLedger <recalls@example.com>",
  DEMO: "on (the demo organisations and their public logins; the embedded database and chain only, where it is the default) or off",
  DEMO_LOTS: "on (the default: seed the demo story's lots on a fresh ledger) or off",
  RECALL_REMINDER_HOURS:
    "how many hours a holder may leave recalled stock unaccounted for before it is reminded, a number > 0 such as 24",
  MQTT_URL:
    "the URL of the MQTT broker data loggers publish to, such as mqtt://user:password@broker:1883 (mqtts:// for TLS), or leave it unset for `npm start` to run its embedded broker",
  MQTT_PORT: "a free TCP port for the embedded MQTT broker, such as 1883",
  TRUST_PROXY_HEADER:
    "the header your reverse proxy writes the client's address in, such as x-forwarded-for, or leave it unset when browsers connect to LotLedger directly",
} as const;

/** "" counts as unset, as a blank line in a compose file or `export SMTP_URL=` leaves it. */
const unlessBlank = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/** An MQTT broker: mqtt(s):// over TCP or ws(s):// over WebSocket, host required, no spaces. */
const mqttUrl = z.string().regex(/^(mqtts?|wss?):\/\/[^\s/?#]+(\/\S*)?$/);

export const appEnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/),
  RPC_URL: z.string().regex(/^(https?|wss?):\/\/\S+$/),
  CHAIN_ID: z.coerce.number().int().positive(),
  MASTER_KEY: z.string().regex(/^(0x)?[0-9a-fA-F]{64}$/),
  WEBHOOK_SECRETS_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/),
  AUTH_SECRET: z.string().min(32),
  // A Digital Link's scheme and host are lower-case (GS1's strict syntax): "HTTPS://Shop.Example"
  // would print labels that strict resolvers refuse. The path keeps its case.
  APP_URL: z
    .url()
    .default("http://localhost:3000")
    .transform((url) =>
      url.replace(/^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i, (origin) => origin.toLowerCase()),
    ),
  CONFIRMATIONS: z.coerce.number().int().min(0).default(0),
  RECALL_REMINDER_HOURS: z.coerce.number().positive().default(24),
  // Email is optional: without SMTP_URL, notices and invitations go to the log (lib/mail/send-mail.ts).
  SMTP_URL: unlessBlank(z.url({ protocol: /^smtps?$/, hostname: /^\S+$/ })),
  MAIL_FROM: unlessBlank(z.string().regex(/^([^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/)),
  // Unset, `npm start` runs an embedded broker and hands its URL to the devices worker.
  MQTT_URL: unlessBlank(mqttUrl),
  // Unset, rate limits count the socket's address: a header is only as true as the proxy writing it.
  TRUST_PROXY_HEADER: unlessBlank(
    z
      .string()
      .regex(/^[A-Za-z0-9-]+$/)
      .transform((name) => name.toLowerCase()),
  ),
});

/** A mail server without a sender is half a configuration: relays refuse mail from nobody. */
export function requireMailFrom(
  env: { SMTP_URL?: string; MAIL_FROM?: string },
  context: z.RefinementCtx,
): void {
  if (env.SMTP_URL && !env.MAIL_FROM) {
    context.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "required with SMTP_URL" });
  }
}

/**
 * What the web app runs with (it emails invitations when SMTP_URL is set). It never decrypts an
 * organisation's signing key, so it gets no MASTER_KEY: only the key derived from it for the webhook
 * secrets it creates (tools/stack/part-env.ts), so a breach of the web app signs nothing.
 */
export const webEnvSchema = appEnvSchema.omit({ MASTER_KEY: true }).superRefine(requireMailFrom);

export type WebEnv = z.infer<typeof webEnvSchema>;

/** The indexer reads the chain into the database and signs nothing: it needs no keys or secrets. */
export const indexerEnvSchema = appEnvSchema.pick({
  DATABASE_URL: true,
  RPC_URL: true,
  CHAIN_ID: true,
  CONFIRMATIONS: true,
});

/**
 * The notifier delivers recall notices: it decrypts webhook secrets (WEBHOOK_SECRETS_KEY, not
 * MASTER_KEY), and email goes through SMTP_URL when it is set.
 */
export const notifierEnvSchema = appEnvSchema
  .pick({
    DATABASE_URL: true,
    CHAIN_ID: true,
    WEBHOOK_SECRETS_KEY: true,
    APP_URL: true,
    SMTP_URL: true,
    MAIL_FROM: true,
    RECALL_REMINDER_HOURS: true,
  })
  .superRefine(requireMailFrom);

/** The capture worker stores large EPCIS documents and queues their ledger writes: it signs nothing. */
export const captureEnvSchema = appEnvSchema.pick({ DATABASE_URL: true, CHAIN_ID: true });

/**
 * The devices worker takes data loggers' signed batches off MQTT and stores them, queuing their
 * anchoring in the outbox: it signs nothing (the device's signature is the authority).
 */
export const devicesEnvSchema = appEnvSchema
  .pick({ DATABASE_URL: true, CHAIN_ID: true })
  .extend({ MQTT_URL: mqttUrl });

/** The outbox sender signs with organisations' keys: it needs MASTER_KEY but no session secret. */
export const senderEnvSchema = appEnvSchema.pick({
  DATABASE_URL: true,
  RPC_URL: true,
  CHAIN_ID: true,
  MASTER_KEY: true,
});

/**
 * Granting an organisation its LotTracker role (`npm run lotledger -- org create`, and the demo seed
 * of `npm start`) is signed by the contract's admin. Only the operator's commands read this key: no
 * process `npm start` starts ever holds it.
 */
export const contractAdminEnvSchema = z.object({
  DEPLOYER_PRIVATE_KEY: z.string().regex(/^(0x)?[0-9a-fA-F]{64}$/),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`LotLedger cannot start:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

// Keys and secrets: a message says how long the value is, never what it holds (logs get shared).
const SECRETS = new Set([
  "MASTER_KEY",
  "WEBHOOK_SECRETS_KEY",
  "AUTH_SECRET",
  "DEPLOYER_PRIVATE_KEY",
]);

/** A URL's password is a secret: a message names the variable, never what it holds. */
function withoutPassword(value: string): string {
  return value.replace(/^([a-z][\w+.-]*:\/\/[^:@/]*:).*@/i, "$1***@");
}

/**
 * Validates `source`; each problem becomes `NAME is "…": set it to <hint>.`, with the password of a
 * URL shown as *** and a key or secret not shown at all.
 */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const names = [...new Set(result.error.issues.map((issue) => String(issue.path[0])))];
  throw new ConfigError(
    names.map((name) => {
      const hint = hints[name as keyof typeof hints] ?? "a valid value";
      const value = source[name];
      if (value === undefined || value === "") return `${name} is not set: set it to ${hint}.`;
      if (SECRETS.has(name)) {
        return `${name} is set but malformed (${value.length} characters): set it to ${hint}.`;
      }
      return `${name} is "${withoutPassword(value)}": set it to ${hint}.`;
    }),
  );
}

let cached: WebEnv | undefined;

/** The web app's validated configuration (parsed on first use, so `next build` needs none of it). */
export function getEnv(): WebEnv {
  cached ??= parseEnv(webEnvSchema);
  return cached;
}
