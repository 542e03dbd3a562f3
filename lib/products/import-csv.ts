import "server-only";
import { CsvError, parse } from "csv-parse/sync";
import { recordAudit } from "@/lib/audit";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError, type FieldIssue } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { assertCanEditProducts, companyPrefixesOf, foreignGtinSentence } from "./access";
import { PRODUCT_FIELDS, type ProductData, type ProductField, productInput } from "./input";
import { writeProduct } from "./save-product";

// Products imported from a spreadsheet saved as CSV: a header line naming the columns, one product a
// line. The whole file is checked first and every line's refusal named by its line number; nothing is
// written unless every line is right, so a fixed file can simply be imported again.

/** The most product lines one file may hold, and its size: a catalogue, not a data dump. */
export const MAX_IMPORT_LINES = 2_000;
export const MAX_IMPORT_BYTES = 1_000_000;

const COLUMNS = `${PRODUCT_FIELDS.slice(0, -1).join(", ")} and ${PRODUCT_FIELDS.at(-1)}`;

/** Column names as people write them ("Net content", "storage_min_celsius") → the field. */
const normalise = (name: string) => name.toLowerCase().replace(/[^a-z]/g, "");
const HEADERS = new Map<string, ProductField>([
  ...PRODUCT_FIELDS.map((field) => [normalise(field), field] as const),
  ["storagemin", "storageMinCelsius"],
  ["storagemax", "storageMaxCelsius"],
  ["excursionminutes", "allowedExcursionMinutes"],
  ["shelflife", "shelfLifeDays"],
  ["image", "imageUrl"],
]);

/** "Line 4: the GTIN …": a sentence placed at its line (its first word lower-cased unless an acronym). */
export function atLine(line: number, sentence: string): string {
  const lowered = /^[A-Z][a-z]/.test(sentence)
    ? sentence[0]?.toLowerCase() + sentence.slice(1)
    : sentence;
  return `Line ${line}: ${lowered}`;
}

type Line = { line: number; product: ProductData };

/**
 * Adds the file's products and updates those the organisation had already described. All or
 * nothing: the first refusal is the error's message and every line's refusal is one of its issues.
 */
export async function importProducts({
  db,
  member,
  csv,
}: {
  db: Db;
  member: Member;
  csv: string;
}): Promise<{ added: number; updated: number }> {
  assertCanEditProducts(member);
  const rows = readRows(csv);
  const prefixes = await companyPrefixesOf(db, member.organization.id);
  const owners = new Map(
    (
      await db.product.findMany({
        where: { gtin: { in: rows.flatMap((row) => (row.gtin ? [row.gtin] : [])) } },
        select: { gtin: true, organizationId: true },
      })
    ).map((row) => [row.gtin, row.organizationId]),
  );
  const issues: FieldIssue[] = [];
  const lines: Line[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, values } of rows) {
    const refuse = (sentence: string) =>
      issues.push({ field: "file", message: atLine(line, sentence) });
    let product: ProductData;
    try {
      product = parseInput(productInput, values);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refuse(error.message);
      continue;
    }
    const { gtin } = product;
    const foreign = foreignGtinSentence(gtin, prefixes);
    const owner = owners.get(gtin);
    const first = firstLineOf.get(gtin);
    if (foreign) refuse(foreign);
    else if (owner !== undefined && owner !== member.organization.id) {
      refuse(
        `GTIN ${gtin} is already described by another organisation on LotLedger: check the number.`,
      );
    } else if (first !== undefined) {
      refuse(`GTIN ${gtin} is on line ${first} already: keep one line per product.`);
    } else {
      firstLineOf.set(gtin, line);
      lines.push({ line, product });
    }
  }
  if (issues.length > 0) {
    throw new AppError("INVALID_INPUT", issues[0]?.message as string, { field: "file", issues });
  }
  await db.$transaction(async (tx) => {
    for (const { product } of lines) await writeProduct(tx, member.organization.id, product);
    await recordAudit(tx, member, {
      action: "CHANGED_PRODUCTS",
      summary: `Imported ${lines.length} product(s) from a CSV file`,
    });
  });
  const updated = lines.filter(({ product }) => owners.has(product.gtin)).length;
  return { added: lines.length - updated, updated };
}

type Row = { line: number; values: Partial<Record<ProductField, string>>; gtin?: string };

/** The file's product lines with their line numbers, or a refusal naming what is wrong with it. */
function readRows(csv: string): Row[] {
  const refuse = (sentence: string) => new AppError("INVALID_INPUT", sentence, { field: "file" });
  if (Buffer.byteLength(csv) > MAX_IMPORT_BYTES) {
    throw refuse("The file is larger than 1 MB: split it into several files and import each.");
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it was read; csv-parse's types do not model that.
    records = parse(csv.replace(/^\uFEFF/, ""), {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      // Excel in many European locales saves CSV with semicolons.
      delimiter: [",", ";"],
      // Not guessed from the first line: a file edited on two systems mixes them.
      record_delimiter: ["\r\n", "\n", "\r"],
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    throw refuse(
      atLine(
        line,
        "The file cannot be read as CSV there (a quote left open?): save it again as CSV from your spreadsheet.",
      ),
    );
  }
  const [header, ...body] = records;
  if (!header || body.length === 0) {
    throw refuse(
      `The file has no products: put a header line (${COLUMNS}) and one product a line.`,
    );
  }
  const fields = header.record.map((name) => HEADERS.get(normalise(name)));
  const unknown = header.record.find((_, i) => fields[i] === undefined);
  if (unknown !== undefined) {
    throw refuse(
      atLine(
        header.info.lines,
        `The column “${unknown}” is not a product field: name the columns ${COLUMNS}.`,
      ),
    );
  }
  for (const required of ["gtin", "name"] as const) {
    if (!fields.includes(required)) {
      throw refuse(
        atLine(
          header.info.lines,
          `The header has no ${required} column: every product needs its ${required === "gtin" ? "GTIN" : "name"}.`,
        ),
      );
    }
  }
  if (body.length > MAX_IMPORT_LINES) {
    throw refuse(
      `The file has ${body.length} products, more than ${MAX_IMPORT_LINES}: split it into several files.`,
    );
  }
  return body.map(({ record, info }) => {
    const values = Object.fromEntries(
      fields.map((field, i) => [field as ProductField, record[i] ?? ""]),
    ) as Row["values"];
    // The line the record starts on: a quoted field may span several lines.
    const line = info.lines - record.join("").split("\n").length + 1;
    const gtin = values.gtin?.replace(/\D/g, "").padStart(14, "0");
    return { line, values, gtin };
  });
}
