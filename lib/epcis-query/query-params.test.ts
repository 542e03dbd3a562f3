import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { decodePageToken, encodePageToken } from "./page-token";
import { DEFAULT_PER_PAGE, parseEventQuery, readPerPage } from "./query-params";

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, field: error.field };
  }
  throw new Error("not refused");
};

describe("parseEventQuery", () => {
  it("reads pipe-delimited lists, CBV URIs as bare words, and times with their offset", () => {
    const query = parseEventQuery({
      eventType: "ObjectEvent|AggregationEvent",
      EQ_bizStep: "https://ref.gs1.org/cbv/BizStep-shipping|urn:epcglobal:cbv:bizstep:receiving",
      EQ_disposition: "in_transit",
      MATCH_epc: "https://id.gs1.org/01/09520123456788/21/A1",
      GE_eventTime: "2026-05-01T08:00:00+02:00",
      orderDirection: "DESC",
    });
    expect(query.eventTypes).toEqual(["ObjectEvent", "AggregationEvent"]);
    expect(query.bizSteps).toEqual(["shipping", "receiving"]);
    expect(query.dispositions).toEqual(["in_transit"]);
    expect(query.epcs).toEqual(["https://id.gs1.org/01/09520123456788/21/A1"]);
    expect(query.eventTime.ge?.toISOString()).toBe("2026-05-01T06:00:00.000Z");
    expect(query.orderDirection).toBe("DESC");
  });

  it("reads a named query's lists as arrays", () => {
    expect(parseEventQuery({ EQ_bizStep: ["shipping", "receiving"] }).bizSteps).toEqual([
      "shipping",
      "receiving",
    ]);
  });

  it.each([
    [
      { GE_eventTime: "2026-05-01" },
      "GE_eventTime must be a date and time with its offset, e.g. 2026-05-01T08:00:00Z.",
    ],
    [
      { LT_recordTime: "2026-05-01T08:00:00" },
      "LT_recordTime must be a date and time with its offset, e.g. 2026-05-01T08:00:00Z.",
    ],
    [
      { eventType: "ObjectEvent|SensorEvent" },
      "eventType must be ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent or AssociationEvent, not “SensorEvent”.",
    ],
    [{ EQ_action: "UPDATE" }, "EQ_action must be ADD, OBSERVE or DELETE."],
    [
      { EQ_bizStep: "shipping|" },
      "EQ_bizStep has an empty value: give one or more values separated by |.",
    ],
    [
      { EQ_bizStepp: "shipping" },
      "EQ_bizStepp is not a query parameter LotLedger answers: docs/epcis.md lists the ones it does.",
    ],
    [{ orderBy: "bizStep" }, "orderBy must be eventTime or recordTime."],
    [{ orderDirection: "up" }, "orderDirection must be ASC or DESC."],
  ])("refuses %j with one sentence naming the parameter", (raw, sentence) => {
    const { message, field } = refusal(() => parseEventQuery(raw));
    expect(message).toBe(sentence);
    expect(message.startsWith(field ?? "?")).toBe(true);
  });
});

describe("readPerPage", () => {
  it("defaults to the bindings' 30 and refuses what is not 1 to 1000", () => {
    expect(readPerPage(null)).toBe(DEFAULT_PER_PAGE);
    expect(readPerPage("100")).toBe(100);
    for (const bad of ["0", "1001", "ten", "2.5"]) {
      expect(refusal(() => readPerPage(bad)).message).toBe(
        "perPage must be a whole number from 1 to 1000.",
      );
    }
  });
});

describe("page tokens", () => {
  const query = parseEventQuery({ EQ_bizStep: "shipping" });
  const after = { time: new Date("2026-05-01T06:00:00.123Z"), id: "row-1" };

  it("bring back where the page ended, for the same query", () => {
    expect(decodePageToken(query, encodePageToken(query, after))).toEqual(after);
    expect(decodePageToken(query, null)).toBeNull();
  });

  it("are refused with another query or when mangled", () => {
    const other = parseEventQuery({ EQ_bizStep: "receiving" });
    const sentence =
      "nextPageToken is not one LotLedger gave for this query: ask again without it, with the same other parameters as the page before.";
    expect(refusal(() => decodePageToken(other, encodePageToken(query, after))).message).toBe(
      sentence,
    );
    expect(refusal(() => decodePageToken(query, "bm9wZQ")).message).toBe(sentence);
  });
});
