import type { LogisticLabelLayout } from "@/lib/barcode/logistic-label";

// Printed true to size: one label per page, A6 (105 × 148 mm) or 4 × 6 in, a hair shorter than the
// paper so rounding never spills a blank page. On a phone's screen the preview is zoomed to fit. The
// barcodes never shrink: a long product list is cut instead of the SSCC.
const PAGE_CSS: Record<LogisticLabelLayout, string> = {
  a6: "@page{size:105mm 148mm;margin:0}.unit-label{width:105mm;height:147.5mm}",
  "4x6": "@page{size:4in 6in;margin:0}.unit-label{width:4in;height:5.98in}",
};

const COMMON_CSS = `.unit-label{box-sizing:border-box;background:#fff;color:#000;margin:0 auto 16px;padding:4mm;display:flex;flex-direction:column;gap:2.5mm;overflow:hidden;box-shadow:0 1px 4px #0003;font-family:Arial,Helvetica,sans-serif}
.unit-label section+section{border-top:.4mm solid #000;padding-top:2.5mm}.unit-label .blocks{min-height:0;overflow:hidden}
.unit-label .from{font-size:9pt;line-height:1.3}.unit-label .from strong{font-size:11pt}
.unit-label .caption{font-size:6.5pt;font-weight:700;letter-spacing:.04em}
.unit-label dl{display:grid;grid-template-columns:auto 1fr;gap:.6mm 3mm;margin:0;align-items:baseline}
.unit-label dd{margin:0;font-size:11pt;line-height:1.2;font-weight:700;overflow-wrap:anywhere}.unit-label dd.sscc{font-size:15pt}
.unit-label ul{margin:1.5mm 0 0;padding:0;list-style:none;font-size:8pt;line-height:1.35}
.unit-label .codes{margin-top:auto;flex-shrink:0;display:flex;flex-direction:column;gap:2mm}
.unit-label .code svg{display:block;width:100%;height:15mm}.unit-label .code.sscc svg{height:27mm}
.unit-label .hri{margin:.8mm 0 0;text-align:center;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:9pt}
@media screen and (max-width:430px){.unit-label{zoom:.84}}
@media print{body{background:#fff}.no-print{display:none!important}.unit-label{margin:0;box-shadow:none}}`;

/** The logistic label's print styles for one layout (a document has one @page size). */
export function LogisticLabelStyles({ layout }: { layout: LogisticLabelLayout }) {
  return <style>{`${COMMON_CSS}\n${PAGE_CSS[layout]}`}</style>;
}
