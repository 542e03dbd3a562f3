import { respondCheckLot } from "@/lib/provenance";

// The public pages' "check another lot" form (a GET form: those pages run no script).
export function GET(request: Request): Response {
  return respondCheckLot(request);
}
