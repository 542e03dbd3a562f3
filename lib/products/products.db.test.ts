import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { gs1CheckDigit } from "@/lib/gs1/keys";
import { countRows } from "@/tools/testing/database-text";
import { addTestMember, createTestOrganization } from "@/tools/testing/organizations";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { findOrganizationProducts, findProduct, importProducts, saveProduct } from ".";

// Issue 14: an organisation keeps its products. A GTIN is refused unless its check digit is right
// and it carries one of the organisation's GS1 company prefixes (test producers hold 950600 and
// 0614141); a CSV import names every refused line by its number and writes nothing unless all pass.

let database: TestDatabase;
let db: Db;
let farm: { admin: Member; staff: Member; viewer: Member };
let sequence = 0;

/** A GTIN-14 of the test prefix 950600 no other test uses, with its check digit. */
function ownGtin(): string {
  const body = `0950600${String(++sequence + 5000).padStart(6, "0")}`;
  return `${body}${gs1CheckDigit(body)}`;
}
/** GS1's example GTIN under prefix 4006381: another brand's. */
const FOREIGN_GTIN = "04006381333931";
const PREFIXES = "0614141, 950600";

async function refusal(run: () => Promise<unknown>) {
  const before = await countRows(db, ["Product"]);
  const error = await run().then(
    () => new Error("expected a refusal"),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(await countRows(db, ["Product"])).toEqual(before);
  const { message, field, issues } = error as AppError;
  // A file's refusal lists every line; a form's names its first field only.
  const lines = field === "file" ? issues?.map((issue) => issue.message) : undefined;
  return { message, field, lines };
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const organization = await createTestOrganization({ db, kind: "FARM" });
  const add = (role: "ADMIN" | "STAFF" | "READ_ONLY") =>
    addTestMember({ db, organizationId: organization.id, role });
  farm = { admin: await add("ADMIN"), staff: await add("STAFF"), viewer: await add("READ_ONLY") };
});

afterAll(async () => {
  await database.drop();
});

describe("saveProduct", () => {
  it("adds a product staff describe, and lets them change it", async () => {
    const gtin = ownGtin();
    const input = {
      gtin,
      name: "Romaine hearts, 3 pack",
      brand: "Green Valley",
      commodity: "Lettuce",
      variety: "Romaine",
      unit: "case",
      storageMinCelsius: "0",
      storageMaxCelsius: "5",
      allowedExcursionMinutes: "30",
      shelfLifeDays: "12",
      imageUrl: "https://example.com/romaine.jpg",
    };
    await saveProduct({ db, member: farm.staff, input });
    await saveProduct({
      db,
      member: farm.admin,
      gtin,
      input: { ...input, name: "Romaine hearts, 3 pack (new)", storageMaxCelsius: "4.5" },
    });
    expect(await findProduct(db, gtin)).toMatchObject({
      name: "Romaine hearts, 3 pack (new)",
      unit: "case",
      storageMinCelsius: 0,
      storageMaxCelsius: 4.5,
      allowedExcursionMinutes: 30,
      imageUrl: "https://example.com/romaine.jpg",
    });
    const listed = await findOrganizationProducts(db, farm.admin.organization.id);
    expect(listed.map((p) => p.gtin)).toContain(gtin);
  });

  it("refuses a GTIN outside the organisation's company prefixes, at the GTIN field", async () => {
    const input = { gtin: FOREIGN_GTIN, name: "Someone else's salad" };
    expect(await refusal(() => saveProduct({ db, member: farm.staff, input }))).toEqual({
      message: `The GTIN ${FOREIGN_GTIN} is not within your company prefixes (${PREFIXES}): check the number, or ask your LotLedger administrator to register the prefix it carries if your organisation holds it.`,
      field: "gtin",
      lines: undefined,
    });
  });

  it("refuses a wrong check digit, a missing name, an http image and a reversed range, each at its field", async () => {
    const gtin = ownGtin();
    const wrong = `${gtin.slice(0, -1)}${(Number(gtin.at(-1)) + 1) % 10}`;
    const cases: [Record<string, string>, string, string][] = [
      [
        { gtin: wrong, name: "Hearts" },
        "gtin",
        `GTIN ${wrong} has a wrong check digit: the last digit should be ${gtin.at(-1)}, not ${wrong.at(-1)}. Check the number on the label.`,
      ],
      [
        { gtin, name: " " },
        "name",
        "Enter the product's name, as people know it: e.g. Romaine hearts, 3 pack.",
      ],
      [
        { gtin, name: "Hearts", imageUrl: "http://example.com/a.jpg" },
        "imageUrl",
        "The image URL must be a web address starting with https://, or left empty.",
      ],
      [
        { gtin, name: "Hearts", storageMinCelsius: "8", storageMaxCelsius: "2" },
        "storageMaxCelsius",
        "The highest storage temperature (2 °C) is below the lowest (8 °C): swap them.",
      ],
      [
        { gtin, name: "Hearts", unit: "crate" },
        "unit",
        "Choose the unit its lots are counted in: kg, lb, case, each, or leave it empty.",
      ],
    ];
    for (const [input, field, message] of cases) {
      expect(await refusal(() => saveProduct({ db, member: farm.staff, input }))).toEqual({
        message,
        field,
        lines: undefined,
      });
    }
  });

  it("refuses read-only members, and a GTIN described already", async () => {
    const gtin = ownGtin();
    const input = { gtin, name: "Hearts" };
    expect((await refusal(() => saveProduct({ db, member: farm.viewer, input }))).message).toBe(
      `Your role at ${farm.viewer.organization.name} is read-only: ask an admin or staff member to add or change products.`,
    );
    await saveProduct({ db, member: farm.staff, input });
    expect(await refusal(() => saveProduct({ db, member: farm.staff, input }))).toEqual({
      message: `GTIN ${gtin} is already one of your products: open it from the list to change it.`,
      field: "gtin",
      lines: undefined,
    });
  });
});

describe("importProducts", () => {
  it("adds and updates every line of a good file", async () => {
    const [a, b] = [ownGtin(), ownGtin()];
    await saveProduct({ db, member: farm.staff, input: { gtin: a, name: "Old name" } });
    const csv = [
      "GTIN,Name,Brand,Unit,Storage min celsius,Storage max celsius,Description",
      `${a},Romaine lettuce,Green Valley,kg,0,5,"Whole heads, field-packed"`,
      `${b},Iceberg lettuce,Green Valley,case,1,4,"Two lines\nof description"`,
    ].join("\n");
    expect(await importProducts({ db, member: farm.staff, csv })).toEqual({
      added: 1,
      updated: 1,
    });
    expect(await findProduct(db, a)).toMatchObject({ name: "Romaine lettuce", unit: "kg" });
    expect(await findProduct(db, b)).toMatchObject({
      description: "Two lines\nof description",
      storageMaxCelsius: 4,
    });
  });

  it("names every bad line by its number and writes nothing", async () => {
    const [a, b, c] = [ownGtin(), ownGtin(), ownGtin()];
    const csv = [
      "gtin,name,unit",
      `${a},Romaine,kg`,
      `${b},"Hearts, 3 pack",case`,
      `${FOREIGN_GTIN},Someone else's salad,kg`,
      "",
      `${c},,kg`,
      `${a},Romaine again,kg`,
    ].join("\r\n");
    expect(await refusal(() => importProducts({ db, member: farm.staff, csv }))).toEqual({
      message: `Line 4: the GTIN ${FOREIGN_GTIN} is not within your company prefixes (${PREFIXES}): check the number, or ask your LotLedger administrator to register the prefix it carries if your organisation holds it.`,
      field: "file",
      lines: [
        `Line 4: the GTIN ${FOREIGN_GTIN} is not within your company prefixes (${PREFIXES}): check the number, or ask your LotLedger administrator to register the prefix it carries if your organisation holds it.`,
        "Line 6: enter the product's name, as people know it: e.g. Romaine hearts, 3 pack.",
        `Line 7: GTIN ${a} is on line 2 already: keep one line per product.`,
      ],
    });
    expect(await findProduct(db, a)).toBeNull();
  });

  it("refuses a file whose header names a column that is no product field", async () => {
    const csv = `gtin,name,colour\n${ownGtin()},Romaine,green`;
    expect((await refusal(() => importProducts({ db, member: farm.staff, csv }))).message).toBe(
      "Line 1: the column “colour” is not a product field: name the columns gtin, name, brand, description, commodity, variety, unit, netContent, storageMinCelsius, storageMaxCelsius, allowedExcursionMinutes, shelfLifeDays and imageUrl.",
    );
  });
});
