// The capture worker: stores the EPCIS documents too large to capture within their request
// (lib/epcis-capture), one job at a time, oldest first, and queues their ledger writes. `npm start`
// runs it. A job keeps its document in the database while it runs, so a restart resumes it; one
// worker per database at a time (the sole-holder lock), so no job is run twice at once.
import { runPollLoop, WakeUp } from "@/lib/chain/poll-loop";
import { listenTo } from "@/lib/db/notify";
import { captureEnvSchema } from "@/lib/env";
import { CAPTURE_CHANNEL, runNextCaptureJob } from "@/lib/epcis-capture";
import { runAsSoleHolder } from "./sole-holder";
import { startWorker } from "./start-worker";

const { env, db, signal } = await startWorker("capture", captureEnvSchema);
console.log("capture: storing large EPCIS documents queued by POST /epcis/capture");
const wakeUp = new WakeUp();
const listener = listenTo(env.DATABASE_URL, CAPTURE_CHANNEL, () => wakeUp.ring());
await runAsSoleHolder({ name: "capture", databaseUrl: env.DATABASE_URL, signal }, (held) =>
  runPollLoop("capture", () => runNextCaptureJob(db), { signal: held, pollMs: 2_000, wakeUp }),
);
await listener.stop();
await db.$disconnect();
process.exit(0);
