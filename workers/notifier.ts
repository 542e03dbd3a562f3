// The notifier process: delivers queued recall notices (an organisation's webhook, else email when
// SMTP_URL is set, else the log: lib/recall/notifications/transports.ts) and EPCIS query
// subscriptions (lib/epcis-query) with retries, and keeps open recalls' organisations and closing
// up to date. `npm start` runs it; one per database is enough,
// and more are safe (each notice is leased to one at a time).
import { runPollLoop } from "@/lib/chain/poll-loop";
import { notifierEnvSchema } from "@/lib/env";
import { deliverDueSubscriptions } from "@/lib/epcis-query/deliver-subscriptions";
import { mailConfigOf } from "@/lib/mail/send-mail";
import { deliverDueNotifications, sweepOpenRecalls } from "@/lib/recall";
import { startWorker } from "./start-worker";

/** How often open recalls are re-traced for new holders of stock in their scope. */
const SWEEP_EVERY_MS = 10_000;

const { env, db, signal } = await startWorker("notifier", notifierEnvSchema);
const mail = mailConfigOf(env);
// Says where notices go, without the URL: it may carry the mail server's password.
console.log(
  mail
    ? `notifier: delivering recall notices by webhook, else by email from ${mail.from} through ${new URL(mail.smtpUrl).host}`
    : "notifier: delivering recall notices by webhook, else to this log (set SMTP_URL and MAIL_FROM to email them)",
);
// Webhook secrets are sealed with WEBHOOK_SECRETS_KEY: the notifier never holds MASTER_KEY.
const context = { db, masterKey: env.WEBHOOK_SECRETS_KEY, mail, log: console.log };
let lastSweep = 0;
await runPollLoop(
  "notifier",
  async () => {
    if (Date.now() - lastSweep >= SWEEP_EVERY_MS) {
      lastSweep = Date.now();
      await sweepOpenRecalls({
        db,
        appUrl: env.APP_URL,
        remindAfterMs: env.RECALL_REMINDER_HOURS * 60 * 60 * 1000,
      });
    }
    const notices = await deliverDueNotifications(context);
    // EPCIS subscriptions go out by the same webhook code, signed with their own tokens.
    const deliveries = await deliverDueSubscriptions({
      db,
      secretsKey: env.WEBHOOK_SECRETS_KEY,
      log: console.log,
    });
    return notices + deliveries > 0;
  },
  { signal, pollMs: 500 },
);
await db.$disconnect();
process.exit(0);
