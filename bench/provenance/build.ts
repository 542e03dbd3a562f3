// Runs `next build` if the sources changed, in a child whose output the bench sends to stderr, so
// `--json` leaves stdout to the result alone.
import { buildIfNeeded } from "@/tools/stack/build";

await buildIfNeeded((line) => console.error(`[bench] ${line}`));
