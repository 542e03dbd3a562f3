import { cbvWord } from "@/lib/epcis/event-index";
import { AppError } from "@/lib/errors";

// The standard query parameters of the EPCIS 2.0 REST bindings that LotLedger answers, read from an
// address (`?EQ_bizStep=shipping|receiving`, pipe-delimited lists) or from a named query's stored
// `query` object (lists as arrays). Every refusal is one sentence naming the parameter.

export const EVENT_TYPES = [
  "ObjectEvent",
  "AggregationEvent",
  "TransactionEvent",
  "TransformationEvent",
  "AssociationEvent",
] as const;

/** The bindings' default page (their PerPage schema) and LotLedger's upper limit. */
export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 1000;

export type EventQuery = {
  eventTypes?: string[];
  eventTime: { ge?: Date; lt?: Date };
  recordTime: { ge?: Date; lt?: Date };
  actions?: string[];
  bizSteps?: string[];
  dispositions?: string[];
  readPoints?: string[];
  bizLocations?: string[];
  /** MATCH_epc: epcList or childEPCs. */
  epcs?: string[];
  /** MATCH_anyEPC: any instance identifier (also parentID, inputs and outputs). */
  anyEpcs?: string[];
  /** MATCH_epcClass: quantityList or childQuantityList. */
  epcClasses?: string[];
  /** MATCH_anyEPCClass: any quantity list's class. */
  anyEpcClasses?: string[];
  eventIds?: string[];
  orderBy: "eventTime" | "recordTime";
  orderDirection: "ASC" | "DESC";
};

type Lists = Exclude<keyof EventQuery, "eventTime" | "recordTime" | "orderBy" | "orderDirection">;

const LISTS: Record<string, { field: Lists; normalise?: (value: string) => string }> = {
  eventType: { field: "eventTypes" },
  EQ_action: { field: "actions" },
  EQ_bizStep: { field: "bizSteps", normalise: (v) => cbvWord(v) ?? v },
  EQ_disposition: { field: "dispositions", normalise: (v) => cbvWord(v) ?? v },
  EQ_readPoint: { field: "readPoints" },
  EQ_bizLocation: { field: "bizLocations" },
  MATCH_epc: { field: "epcs" },
  MATCH_anyEPC: { field: "anyEpcs" },
  MATCH_epcClass: { field: "epcClasses" },
  MATCH_anyEPCClass: { field: "anyEpcClasses" },
  EQ_eventID: { field: "eventIds" },
};
const TIMES = ["GE_eventTime", "LT_eventTime", "GE_recordTime", "LT_recordTime"] as const;
const PAGING = ["perPage", "nextPageToken"] as const;

/** Every parameter name LotLedger reads (the OpenAPI document and docs/epcis.md list the same). */
export const QUERY_PARAMETERS = [
  ...Object.keys(LISTS),
  ...TIMES,
  "orderBy",
  "orderDirection",
  ...PAGING,
];

export type RawQuery = Record<string, string | string[]>;

const refuse = (message: string, field: string) =>
  new AppError("INVALID_INPUT", message, { field });

const ACTIONS = ["ADD", "OBSERVE", "DELETE"];
// An offset is required: "2026-05-01T08:00" alone would be read in the server's time zone.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function listOf(name: string, value: string | string[]): string[] {
  const values = (Array.isArray(value) ? value : value.split("|")).map((v) => v.trim());
  if (values.length === 0 || values.some((v) => v === "")) {
    throw refuse(`${name} has an empty value: give one or more values separated by |.`, name);
  }
  return values;
}

function timeOf(name: string, value: string | string[]): Date {
  const text = Array.isArray(value) ? value.join("") : value;
  const time = new Date(text);
  if (!DATE_TIME.test(text) || Number.isNaN(time.getTime())) {
    throw refuse(
      `${name} must be a date and time with its offset, e.g. 2026-05-01T08:00:00Z.`,
      name,
    );
  }
  return time;
}

/** The query's filters and order, from an address's parameters or a named query's `query`; paging is read apart (readPage). */
export function parseEventQuery(raw: RawQuery): EventQuery {
  const query: EventQuery = {
    eventTime: {},
    recordTime: {},
    orderBy: "eventTime",
    orderDirection: "ASC",
  };
  for (const [name, value] of Object.entries(raw)) {
    const list = LISTS[name];
    if (list) {
      query[list.field] = listOf(name, value).map(list.normalise ?? ((v) => v));
    } else if ((TIMES as readonly string[]).includes(name)) {
      const [bound, field] = name.split("_") as ["GE" | "LT", "eventTime" | "recordTime"];
      query[field][bound === "GE" ? "ge" : "lt"] = timeOf(name, value);
    } else if (name === "orderBy") {
      if (value !== "eventTime" && value !== "recordTime") {
        throw refuse("orderBy must be eventTime or recordTime.", name);
      }
      query.orderBy = value;
    } else if (name === "orderDirection") {
      if (value !== "ASC" && value !== "DESC") {
        throw refuse("orderDirection must be ASC or DESC.", name);
      }
      query.orderDirection = value;
    } else if (!(PAGING as readonly string[]).includes(name)) {
      throw refuse(
        `${name} is not a query parameter LotLedger answers: docs/epcis.md lists the ones it does.`,
        name,
      );
    }
  }
  const badType = query.eventTypes?.find((t) => !(EVENT_TYPES as readonly string[]).includes(t));
  if (badType) {
    throw refuse(
      `eventType must be ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent or AssociationEvent, not “${badType}”.`,
      "eventType",
    );
  }
  if (query.actions?.some((a) => !ACTIONS.includes(a))) {
    throw refuse("EQ_action must be ADD, OBSERVE or DELETE.", "EQ_action");
  }
  return query;
}

/** An address's parameters as the raw query (a repeated parameter counts once: its last value). */
export function rawQueryOf(search: URLSearchParams): RawQuery {
  return Object.fromEntries(search.entries());
}

/** perPage as a number: the bindings' default, or 1 to MAX_PER_PAGE. */
export function readPerPage(value: string | null): number {
  if (value === null) return DEFAULT_PER_PAGE;
  const perPage = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(perPage >= 1 && perPage <= MAX_PER_PAGE)) {
    throw refuse(`perPage must be a whole number from 1 to ${MAX_PER_PAGE}.`, "perPage");
  }
  return perPage;
}
