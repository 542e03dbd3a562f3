import type { LabelLayout } from "@/lib/barcode/label-layout";

// Printed sizes in millimetres and inches, so the browser prints them true to size: an A4 sheet of
// 3 × 6 labels of 70 × 46 mm, or one 4 × 6 in label per page. A page is a hair shorter than the paper
// so rounding never spills a blank page; the toolbar and the screen's page shadows don't print.
const PAGE_CSS: Record<LabelLayout, string> = {
  a4: `@page{size:A4;margin:0}
.sheet-page{width:210mm;height:296.5mm;padding:10mm 0;display:grid;grid-template-columns:repeat(3,70mm);grid-template-rows:repeat(6,46mm)}
.label{padding:2mm 3mm}.label svg{height:27mm;width:27mm}.label .hri{font-size:7.5pt}.label .product{font-size:8pt}
.case-label{grid-column:1/-1}.case-label svg{height:32mm;width:auto;max-width:180mm}`,
  "4x6": `@page{size:4in 6in;margin:0}
.sheet-page{width:4in;height:5.98in;padding:.25in;display:flex;flex-direction:column}
.label{flex:1}.label svg{height:2.9in;width:2.9in}.label .hri{font-size:14pt}.label .product{font-size:15pt}
.case-label svg{width:3.5in;height:auto;max-height:2.5in}`,
};

const COMMON_CSS = `.sheet-page{box-sizing:border-box;background:#fff;margin:0 auto 16px;overflow:hidden;break-after:page;box-shadow:0 1px 4px #0003}
.sheet-page:last-child{break-after:auto}
.label{display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center;overflow:hidden;color:#000}
.label .hri{font-family:ui-monospace,Menlo,Consolas,monospace;line-height:1.25}.label .product{font-weight:700;line-height:1.2;max-width:100%;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
@media print{body{background:#fff}.no-print{display:none!important}.sheet-page{margin:0;box-shadow:none}}`;

/** The label sheet's print styles for one layout (a document has one @page size). */
export function LabelSheetStyles({ layout }: { layout: LabelLayout }) {
  return <style>{`${COMMON_CSS}\n${PAGE_CSS[layout]}`}</style>;
}
