import { describe, expect, it } from "vitest";
import { paginateLabels } from "./label-layout";

const labels = (n: number) => Array.from({ length: n }, (_, i) => i);
const shape = (pages: ReturnType<typeof paginateLabels>) =>
  pages.map((page) => `${page.hasCaseLabel ? "case+" : ""}${page.labels.length}`);

describe("paginateLabels", () => {
  it("fills A4 pages of 18 labels, the case label taking the first row of the first", () => {
    expect(shape(paginateLabels(labels(7), "a4", true))).toEqual(["case+7"]);
    expect(shape(paginateLabels(labels(15), "a4", true))).toEqual(["case+15"]);
    expect(shape(paginateLabels(labels(16), "a4", true))).toEqual(["case+15", "1"]);
    expect(shape(paginateLabels(labels(40), "a4", true))).toEqual(["case+15", "18", "7"]);
    expect(shape(paginateLabels(labels(36), "a4", false))).toEqual(["18", "18"]);
  });

  it("puts one label on each 4×6 page, the case label first", () => {
    expect(shape(paginateLabels(labels(3), "4x6", true))).toEqual(["case+0", "1", "1", "1"]);
    expect(shape(paginateLabels(labels(2), "4x6", false))).toEqual(["1", "1"]);
  });

  it("keeps the labels in order, each once", () => {
    const pages = paginateLabels(labels(50), "a4", true);
    expect(pages.flatMap((page) => page.labels)).toEqual(labels(50));
  });

  it("prints the case label alone for a lot without packages", () => {
    expect(shape(paginateLabels([], "a4", true))).toEqual(["case+0"]);
    expect(paginateLabels([], "4x6", false)).toEqual([]);
  });
});
