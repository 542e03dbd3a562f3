import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Member } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { enqueueLedgerWrite } from "@/lib/events/ledger-write";
import { queueTrackingEvent } from "@/lib/events/record-event";
import { parseInput } from "@/lib/input";
import { addLocation, changeMemberRole } from "@/lib/organizations";
import { acknowledgeRecall, exportLot, startRecall } from "@/lib/recall";
import { recallInput } from "@/lib/recall/terms";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { harvestValues } from "@/tools/testing/lot-steps";
import { addTestMember, randomGln } from "@/tools/testing/organizations";
import { auditFilterInput, exportAuditLog, findAuditEntries, recordAudit } from ".";

// The audit log is written in the action's own transaction (a refused action leaves no entry), the
// database refuses to change or delete it, and only admins (their organisation's) and regulators
// (everyone's) read it.

let world: LedgerWorld;
const appUrl = "https://lotledger.test";
const everything = auditFilterInput.parse({});

const harvest = async (member: Member, lotCode: string) =>
  queueTrackingEvent({
    db: world.db,
    member,
    cte: "harvesting",
    values: await harvestValues(world.db, member, { lotCode, nextHolder: world.members.packer }),
  });

beforeAll(async () => {
  world = await createLedgerWorld();
});

afterAll(async () => {
  await world.drop();
});

describe("an entry is written with its action, in one transaction", () => {
  it("records a harvest with its lot, its ledger write and who recorded it", async () => {
    const { writeId, lotId } = await harvest(world.members.farm, "AUD-1");
    const entries = await world.db.auditEntry.findMany({ where: { ledgerTransactionId: writeId } });
    expect(entries).toEqual([
      expect.objectContaining({
        action: "RECORDED_EVENT",
        summary: "Recorded the harvest of lot AUD-1",
        lotId,
        lotCode: "AUD-1",
        userId: world.members.farm.userId,
        actorName: world.members.farm.name,
        organizationId: world.members.farm.organization.id,
        organizationName: world.members.farm.organization.name,
        // No request asked (a test, like the CLI or the seed): nowhere to say it came from.
        clientAddress: null,
        userAgent: null,
      }),
    ]);
  });

  it("leaves no entry when the action's transaction is rolled back after the write", async () => {
    const values = await harvestValues(world.db, world.members.farm, {
      lotCode: "AUD-ROLLED-BACK",
      nextHolder: world.members.packer,
    });
    const before = await world.db.auditEntry.count();
    const { planHarvesting } = await import("@/lib/events/ctes/harvesting");
    const rolledBack = world.db.$transaction(async (tx) => {
      const write = await planHarvesting(tx, world.members.farm, values);
      await enqueueLedgerWrite(tx, world.members.farm, write);
      expect(await tx.auditEntry.count()).toBe(before + 1);
      throw new AppError("CONFLICT", "refused after the write");
    });
    await expect(rolledBack).rejects.toThrow("refused after the write");
    expect(await world.db.auditEntry.count()).toBe(before);
  });

  it("leaves no entry for a refused action", async () => {
    await harvest(world.members.farm, "AUD-TWICE");
    const alone = await addTestMember({
      db: world.db,
      organizationId: world.members.carrier.organization.id,
      role: "ADMIN",
    });
    const before = await world.db.auditEntry.count();
    await expect(harvest(world.members.farm, "AUD-TWICE")).rejects.toBeInstanceOf(AppError);
    // The only admin of an organisation cannot make themself staff.
    const demotion = { userId: alone.userId, role: "STAFF" };
    await expect(
      changeMemberRole({ db: world.db, member: alone, input: demotion }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await world.db.auditEntry.count()).toBe(before);
  });

  it("records a CSV export with the lot it is of", async () => {
    const lotId = await world.harvest("AUD-EXPORT");
    const { filename } = await exportLot({
      db: world.db,
      member: world.members.farm,
      lotId,
      kind: "fsma",
    });
    expect(
      await world.db.auditEntry.findFirst({ where: { action: "EXPORTED_CSV", lotId } }),
    ).toMatchObject({
      summary: `Downloaded the FSMA 204 spreadsheet of lot AUD-EXPORT as ${filename}`,
      lotCode: "AUD-EXPORT",
    });
  });

  it("records a recall, its acknowledgement and an admin's changes, each by its door", async () => {
    const { farm } = world.members;
    const lotId = await world.harvest("AUD-RECALL");
    const input = parseInput(recallInput, { reason: "Listeria in samples", severity: "CLASS_I" });
    const { recallId } = await startRecall({ db: world.db, member: farm, lotId, input, appUrl });
    await acknowledgeRecall({ db: world.db, member: farm, recallId });
    await addLocation({
      db: world.db,
      member: farm,
      input: { name: "Cold store 2", gln: randomGln(), address: "9 Dock St" },
    });
    await createApiKey({ db: world.db, member: farm, input: { name: "ERP", scopes: ["READ"] } });
    const entries = await world.db.auditEntry.findMany({
      where: { organizationId: farm.organization.id, OR: [{ lotId }, { lotId: null }] },
      orderBy: { createdAt: "asc" },
      select: { action: true, summary: true, recallId: true },
    });
    expect(entries.slice(-5)).toEqual([
      {
        action: "RECORDED_EVENT",
        summary: "Recorded the harvest of lot AUD-RECALL",
        recallId: null,
      },
      { action: "STARTED_RECALL", summary: "Started a recall of lot AUD-RECALL", recallId: null },
      {
        action: "ACKNOWLEDGED_RECALL",
        summary: "Acknowledged the recall of lot AUD-RECALL",
        recallId,
      },
      {
        action: "CHANGED_LOCATIONS",
        summary: expect.stringMatching(/^Added the location Cold store 2 \(GLN \d{13}\)$/),
        recallId: null,
      },
      {
        action: "CHANGED_API_KEYS",
        summary: expect.stringMatching(
          /^Created the API key “ERP” \(llk_\S{8}…\) that may read recalls, exports and ledger writes$/,
        ),
        recallId: null,
      },
    ]);
  });
});

describe("the database refuses to change the log", () => {
  it.each([
    ['UPDATE "AuditEntry" SET "summary" = \'nothing happened\''],
    ['DELETE FROM "AuditEntry"'],
    ['TRUNCATE "AuditEntry"'],
  ])("%s", async (sql) => {
    const before = await world.db.auditEntry.findMany({ orderBy: { id: "asc" } });
    expect(before.length).toBeGreaterThan(0);
    await expect(world.db.$executeRawUnsafe(sql)).rejects.toThrow(/audit log is append-only/);
    expect(await world.db.auditEntry.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });
});

describe("who reads it", () => {
  it("an admin reads their organisation's entries only", async () => {
    await recordAudit(world.db, world.members.packer, {
      action: "CHANGED_LOCATIONS",
      summary: "Added the location Packhouse 2",
    });
    const { entries, total } = await findAuditEntries({
      db: world.db,
      viewer: world.members.farm,
      filter: everything,
    });
    expect(total).toBeGreaterThan(0);
    expect(new Set(entries.map((e) => e.organizationName))).toEqual(
      new Set([world.members.farm.organization.name]),
    );
  });

  it("staff and read-only members read none", async () => {
    const staff = await addTestMember({
      db: world.db,
      organizationId: world.members.farm.organization.id,
      role: "STAFF",
    });
    for (const viewer of [staff, world.members.retailerReadOnly]) {
      await expect(
        findAuditEntries({ db: world.db, viewer, filter: everything }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("a regulator reads every organisation's, filtered by action, person and lot", async () => {
    await exportAuditLog({ db: world.db, viewer: world.members.regulator, filter: everything });
    const all = await world.db.auditEntry.count();
    const read = (filter: Record<string, string>) =>
      findAuditEntries({
        db: world.db,
        viewer: world.members.regulator,
        filter: auditFilterInput.parse(filter),
      });
    expect((await read({})).total).toBe(all);
    expect((await read({ action: "EXPORTED_CSV" })).entries.map((e) => e.actorName).sort()).toEqual(
      [world.members.farm.name, world.members.regulator.name].sort(),
    );
    expect((await read({ lot: "aud-export" })).entries.map((e) => e.lotCode)).toEqual([
      "AUD-EXPORT",
      "AUD-EXPORT",
    ]);
    expect((await read({ person: "REGULATOR", action: "EXPORTED_CSV" })).total).toBe(1);
    expect((await read({ to: "2000-01-01" })).total).toBe(0);
  });
});
