import { limitPublicRead } from "@/lib/api/public-limit";
import { BARCODE_CONTENT_TYPES, renderBarcode } from "@/lib/barcode/render-barcode";
import { lotIdOf } from "@/lib/chain/lot-id";
import { getPublicDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError, toFailure } from "@/lib/errors";
import {
  digitalLinkUri,
  pathFromSegments,
  resolveDigitalLinkPath,
} from "@/lib/provenance/digital-link";

const FILES = { "qr.png": "png", "qr.svg": "svg" } as const;

/**
 * A lot's (or a package's) Digital Link QR code: /api/labels/01/{gtin}/10/{lot}[/21/{serial}]/qr.png
 * or qr.svg, under APP_URL. Only for lots, and packages of lots, LotLedger has on record.
 */
export async function GET(request: Request, context: { params: Promise<{ path: string[] }> }) {
  // Public, and each image is rendered: counted per client address like the JSON answers.
  return limitPublicRead(request, () => answerLabel(request, context));
}

async function answerLabel(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  try {
    const segments = [...(await params).path];
    const format = FILES[(segments.pop() ?? "") as keyof typeof FILES];
    if (!format) throw new AppError("NOT_FOUND", "A label is …/qr.png or …/qr.svg.");
    const target = resolveDigitalLinkPath(pathFromSegments(segments));
    if (target.lotCode === null) {
      throw new AppError(
        "INVALID_INPUT",
        "A label's Digital Link needs the lot: add /10/ and the lot code.",
      );
    }
    const lotId = lotIdOf(target.gtin, target.lotCode);
    const [lot, known] = await Promise.all([
      getPublicDb().lot.findUnique({ where: { id: lotId }, select: { id: true } }),
      target.serial === null
        ? true
        : getPublicDb().package.findUnique({
            where: { lotId_serial: { lotId, serial: target.serial } },
            select: { id: true },
          }),
    ]);
    if (!lot) throw new AppError("NOT_FOUND", `LotLedger has no record of lot ${target.lotCode}.`);
    if (!known) {
      throw new AppError(
        "NOT_FOUND",
        `Lot ${target.lotCode} has no package ${target.serial}: check the serial.`,
      );
    }
    const scale = Number(new URL(request.url).searchParams.get("scale") ?? "4");
    const data = digitalLinkUri(getEnv().APP_URL, target.path);
    const image = await renderBarcode({ symbology: "qr", data, format, scale });
    return new Response(typeof image === "string" ? image : new Uint8Array(image), {
      headers: {
        "content-type": BARCODE_CONTENT_TYPES[format],
        "cache-control": "public, max-age=3600",
      },
    });
  } catch (error) {
    const failure = toFailure(error, "labels");
    const status = error instanceof AppError ? error.httpStatus : 500;
    return Response.json({ error: failure.message, code: failure.code }, { status });
  }
}
