import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordReadings } from "@/lib/cold-chain";
import { AppError } from "@/lib/errors";
import { queueTrackingEvent } from "@/lib/events/record-event";
import { deliverDueNotifications } from "@/lib/recall";
import {
  createLedgerWorld,
  GTIN,
  type LedgerWorld,
  MASTER_KEY,
} from "@/tools/testing/ledger-world";
import { harvestValues } from "@/tools/testing/lot-steps";
import { acknowledgeColdChainAlert, findOpenColdChainAlerts } from ".";

// One alert per excursion, not per reading or per batch: a batch that carries a running excursion on
// updates its alert, a new excursion raises a new one, each with one notice; an alert stays open
// until someone writes what was done about it.

let world: LedgerWorld;
let lotId: string;
const MINUTE = 60_000;
const start = Date.now() - 3 * 60 * MINUTE;

/** Readings one a minute from `fromMinute` (minutes after `start`), at these temperatures. */
const readingsFrom = (fromMinute: number, temperatures: number[]) =>
  temperatures.map((celsius, i) => ({
    time: new Date(start + (fromMinute + i) * MINUTE).toISOString(),
    celsius,
    sensor: "ROOM-2",
  }));
const times = (n: number, celsius: number) => Array.from({ length: n }, () => celsius);

async function record(readings: ReturnType<typeof readingsFrom>): Promise<void> {
  await recordReadings({ db: world.db, member: world.members.farm, lotId, readings });
  await world.settle(); // one write per lot at a time: the next batch waits for this one
}

const alertRows = () =>
  world.db.coldChainAlert.findMany({ where: { lotId }, orderBy: { startedAt: "asc" } });

beforeAll(async () => {
  world = await createLedgerWorld();
  const { farm, packer } = world.members;
  await world.sendAs(farm, (lotTracker) => lotTracker.setStorageRule(BigInt(GTIN), 0, 5000, 30));
  const harvestDate = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  const values = await harvestValues(
    world.db,
    farm,
    { lotCode: "WARM-1", nextHolder: packer },
    { harvestDate },
  );
  ({ lotId } = await queueTrackingEvent({ db: world.db, member: farm, cte: "harvesting", values }));
  await world.settle();
}, 120_000);

afterAll(async () => {
  await world.drop();
});

describe("raiseColdChainAlerts, through the readings a holder records", () => {
  it("raises one alert for an excursion that two batches report, and one notice", async () => {
    // Minute 10 to 49 outside 0–5 °C, still outside at the batch's end: 39 min, more than 30.
    await record(readingsFrom(0, [...times(10, 3), ...times(20, 9), 12.4, ...times(19, 8)]));
    let [alert] = await alertRows();
    expect(alert).toMatchObject({ endedAt: null, minutesOutside: 39, worstMilliCelsius: 12_400 });
    // The next batch carries it on for 10 minutes, then it is back in range at minute 60.
    await record(readingsFrom(50, [...times(10, 8), ...times(20, 4)]));
    const rows = await alertRows();
    expect(rows).toHaveLength(1);
    [alert] = rows;
    expect(alert).toMatchObject({
      organizationId: world.members.farm.organization.id,
      startedAt: new Date(start + 10 * MINUTE),
      endedAt: new Date(start + 60 * MINUTE),
      minutesOutside: 50,
    });
    const notices = await world.db.notification.findMany({
      where: { coldChainAlertId: alert?.id },
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]?.payload).toMatchObject({
      type: "coldchain.excursion",
      subject: "Cold-chain excursion: lot WARM-1",
      recipient: { name: "Test farm" },
    });
  });

  it("raises a second alert for a second excursion, and none for one within the allowance", async () => {
    await record(readingsFrom(80, [...times(20, 4), ...times(40, 10), ...times(10, 2)]));
    await record(readingsFrom(150, [...times(20, 7), 3]));
    expect((await alertRows()).map((a) => a.minutesOutside)).toEqual([50, 40]);
    expect(await world.db.notification.count({ where: { coldChainAlertId: { not: null } } })).toBe(
      2,
    );
  });

  it("is delivered by the notifier, with no recall to wait for", async () => {
    const lines: string[] = [];
    await deliverDueNotifications({
      db: world.db,
      masterKey: MASTER_KEY,
      log: (line) => lines.push(line),
    });
    const delivered = { status: "DELIVERED" as const, coldChainAlertId: { not: null } };
    expect(await world.db.notification.count({ where: delivered })).toBe(2);
    expect(lines.filter((line) => line.includes("Cold-chain excursion: lot WARM-1"))).toHaveLength(
      2,
    );
  });
});

describe("acknowledgeColdChainAlert", () => {
  it("keeps the alert open until acknowledged with a comment, once", async () => {
    const { farm } = world.members;
    const [first] = await alertRows();
    const alertId = first?.id as string;
    const acknowledge = (comment: string) =>
      acknowledgeColdChainAlert({ db: world.db, member: farm, alertId, comment });
    const refused = await acknowledge("  ").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toBe(
      "Write what you did about the excursion (checked the goods, moved them, told the carrier), then acknowledge it.",
    );
    expect(await findOpenColdChainAlerts({ db: world.db, member: farm })).toHaveLength(2);

    await acknowledge("Door seal replaced; goods probed at 3 °C.");
    const open = await findOpenColdChainAlerts({ db: world.db, member: farm });
    expect(open.map((alert) => alert.minutesOutside)).toEqual([40]);
    expect(
      await world.db.coldChainAlert.findUniqueOrThrow({ where: { id: alertId } }),
    ).toMatchObject({
      comment: "Door seal replaced; goods probed at 3 °C.",
      acknowledgedById: farm.userId,
    });
    const again = await acknowledge("Again").catch((e: unknown) => e);
    expect((again as AppError).message).toBe(
      "This alert was acknowledged already: reload the page to see by whom.",
    );
    const stranger = await acknowledgeColdChainAlert({
      db: world.db,
      member: world.members.retailer,
      alertId: open[0]?.id as string,
      comment: "Not ours",
    }).catch((e: unknown) => e);
    expect((stranger as AppError).message).toBe(
      "Your organisation has no such alert: reload the page.",
    );
  });
});
