// lib/rate-limit: attempts counted in PostgreSQL, shared by every app instance — sign-in, invitation
// acceptance and the public reads — and the client address they are counted against.
import "server-only";

export {
  clientAddressOf,
  clientAddressOfRequest,
  headerGetter,
  SOCKET_ADDRESS_HEADER,
  stampSocketAddress,
} from "./client-address";
export { forgetBlockedSubjects, type RateLimit } from "./counter";
export { LIMITS, spendAttempt, tooManyAttemptsSentence, withFailureLimits } from "./limits";
