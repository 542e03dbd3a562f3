import { type EpcisReply, respondEpcis } from "@/lib/epcis/respond";
import { CAPTURE_DISCOVERY_HEADERS } from "./limits";

// The capture's own refusals, as the REST bindings name them; the others as every /epcis route
// answers them (lib/epcis/respond.ts).
const CAPTURE_PROBLEMS = {
  400: { type: "epcisException:ValidationException", title: "EPCIS document or event invalid" },
  413: { type: "epcisException:CaptureLimitExceededException", title: "Capture payload too large" },
};

/** Answers a capture route; a document over the limits is told them (OPTIONS' headers). */
export function respondCapture(context: string, work: () => Promise<EpcisReply>) {
  return respondEpcis(context, work, {
    problems: CAPTURE_PROBLEMS,
    headersOf: (error) => (error.code === "PAYLOAD_TOO_LARGE" ? CAPTURE_DISCOVERY_HEADERS : {}),
  });
}
