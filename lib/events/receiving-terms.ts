// The receive form's sentences, shared by its browser checks and the server's (receiving.ts,
// receipt-check.ts), so a refusal reads the same before and after the round trip.

export const REJECTION_REASON =
  "Say why the lot is rejected, e.g. “temperature too high on arrival”.";

export const ARRIVAL_TEMPERATURE_INVALID =
  "Enter the temperature on arrival in °C, such as 4 or -18.5.";
