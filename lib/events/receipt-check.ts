import { z } from "zod";
import type { EpcisEvent, JsonValue, QuantityElement } from "@/lib/epcis/event";
import { parseQuantity } from "@/lib/epcis/quantity";
import { parsedBy } from "@/lib/input";
import { ARRIVAL_TEMPERATURE_INVALID } from "./receiving-terms";

// What the receiver finds when it opens the truck: how much arrived (counted, not copied from the
// paperwork), in what condition, and how warm. FSMA 204's receiving KDEs ask for the quantity and unit
// received; EPCIS counts it in quantityList, carries the temperature as a sensor report, and the
// discrepancy against what was shipped has no field of its own, so it is an extension (`kde`).

export const ARRIVAL_CONDITIONS = ["good", "damaged", "temperature_abuse"] as const;
export type ArrivalCondition = (typeof ARRIVAL_CONDITIONS)[number];

/** CBV 2.0 disposition of the goods as received: a damaged or warm delivery is accepted, flagged. */
const DISPOSITION: Record<ArrivalCondition, string> = {
  good: "in_progress",
  damaged: "damaged",
  temperature_abuse: "non_conformant",
};

const blankAsMissing = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** The receive form's checks on arrival; all optional, so an API client may accept without them. */
export const arrivalCheckFields = {
  countedQuantity: z.preprocess(blankAsMissing, parsedBy(parseQuantity).optional()),
  condition: z.preprocess(
    blankAsMissing,
    z
      .enum(
        ARRIVAL_CONDITIONS,
        "Choose the condition on arrival: good, damaged or temperature abuse.",
      )
      .default("good"),
  ),
  temperature: z.preprocess(
    blankAsMissing,
    z
      .string(ARRIVAL_TEMPERATURE_INVALID)
      .trim()
      .transform((text) => text.replace(",", "."))
      .refine((text) => /^-?\d{1,2}(\.\d)?$/.test(text), ARRIVAL_TEMPERATURE_INVALID)
      .transform(Number)
      .refine(
        (celsius) => celsius >= -40 && celsius <= 60,
        "A temperature on arrival lies between -40 °C and 60 °C: check the reading.",
      )
      .optional(),
  ),
};

type ArrivalCheck = {
  countedQuantity?: string;
  condition: ArrivalCondition;
  temperature?: number;
};

/**
 * The receiving payload's fields for what was found on arrival: the counted quantity in quantityList,
 * the condition as the disposition, the temperature as an EPCIS sensor report, and in `kde` the
 * shipped and counted quantities with their difference (counted − shipped: negative when short).
 */
export function arrivalFields(
  shipped: QuantityElement | undefined,
  unit: string | null,
  check: ArrivalCheck,
  eventTime: string,
): Pick<EpcisEvent, "disposition" | "quantityList" | "sensorElementList"> & {
  kde: Record<string, JsonValue>;
} {
  const counted = check.countedQuantity === undefined ? null : Number(check.countedQuantity);
  const discrepancy =
    counted !== null && shipped ? Number((counted - shipped.quantity).toFixed(3)) : null;
  return {
    disposition: DISPOSITION[check.condition],
    quantityList:
      shipped && counted !== null ? [{ ...shipped, quantity: counted }] : shipped ? [shipped] : [],
    ...(check.temperature === undefined
      ? {}
      : {
          sensorElementList: [
            {
              sensorMetadata: { time: eventTime },
              sensorReport: [{ type: "gs1:Temperature", value: check.temperature, uom: "CEL" }],
            },
          ],
        }),
    kde: {
      condition: check.condition,
      quantityShipped: shipped?.quantity ?? null,
      quantityReceived: counted,
      unitReceived: counted === null ? null : unit,
      quantityDiscrepancy: discrepancy,
      temperatureOnArrival: check.temperature ?? null,
    },
  };
}
