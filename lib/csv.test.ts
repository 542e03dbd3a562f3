import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  it("leaves plain text and numbers as they are, and empties null", () => {
    expect(csvCell("Romaine lettuce")).toBe("Romaine lettuce");
    expect(csvCell(12.5)).toBe("12.5");
    expect(csvCell(-2)).toBe("-2");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell("")).toBe("");
  });

  it("quotes a field holding a comma, a quote or a line break, doubling its quotes", () => {
    expect(csvCell("1 Harvest Road, Salinas")).toBe('"1 Harvest Road, Salinas"');
    expect(csvCell('12" case')).toBe('"12"" case"');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
    expect(csvCell('"')).toBe('""""');
  });

  it("shows a text that a spreadsheet would run as a formula as text", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1 555 0100")).toBe("'+1 555 0100");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
    expect(csvCell("  =1+1")).toBe("'  =1+1");
    expect(csvCell("＝1+1")).toBe("'＝1+1");
    expect(csvCell("=a,b")).toBe('"\'=a,b"');
  });

  it("keeps a formula character that is not first", () => {
    expect(csvCell("A-1")).toBe("A-1");
    expect(csvCell("user@example.com")).toBe("user@example.com");
  });
});

describe("toCsv", () => {
  it("ends every record with CRLF", () => {
    expect(
      toCsv([
        ["TLC", "Quantity"],
        ["L1", 12.5],
        ["L2, B", null],
      ]),
    ).toBe('TLC,Quantity\r\nL1,12.5\r\n"L2, B",\r\n');
    expect(toCsv([])).toBe("");
  });

  it("reads back, field by field, with an RFC 4180 reader", () => {
    const rows = [["a,b", 'say "hi"', "x\r\ny", "=1", "", "plain"]];
    expect(parseRfc4180(toCsv(rows))).toEqual([["a,b", 'say "hi"', "x\r\ny", "'=1", "", "plain"]]);
  });
});

/** A minimal RFC 4180 reader, written from the grammar, to check the writer against. */
function parseRfc4180(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r") field += text[i++];
    }
    record.push(field);
    if (text[i] === ",") i++;
    else if (text.startsWith("\r\n", i)) {
      records.push(record);
      record = [];
      i += 2;
    }
  }
  return records;
}
