// Browser-only: the scan page's camera and photo decoding with zxing. Kept apart from the React
// leaves so the hints and the error sentences live in one place.
import { BrowserMultiFormatReader } from "@zxing/browser";
import { BarcodeFormat, DecodeHintType } from "@zxing/library";

/** What LotLedger's labels and retail packs carry: Digital Link QR, GS1 DataMatrix, GS1-128, EAN-13. */
const FORMATS = [
  BarcodeFormat.QR_CODE,
  BarcodeFormat.DATA_MATRIX,
  BarcodeFormat.CODE_128,
  BarcodeFormat.EAN_13,
];

/**
 * ASSUME_GS1 keeps a GS1-128's FNC1s: without it zxing drops them, separators included, and the
 * element strings run together. TRY_HARDER only for photos: one still image can afford it, video
 * frames on a cheap phone cannot.
 */
export function createBarcodeReader({ isPhoto = false } = {}): BrowserMultiFormatReader {
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, FORMATS],
    [DecodeHintType.ASSUME_GS1, true],
  ]);
  // zxing tries harder whenever the hint is present, even as false: add it for photos only.
  if (isPhoto) hints.set(DecodeHintType.TRY_HARDER, true);
  // 100 ms between attempts: fast enough to feel instant, slow enough to leave a cheap CPU idle.
  return new BrowserMultiFormatReader(hints, { delayBetweenScanAttempts: 100 });
}

/** The rear camera where there is one; a laptop's only camera otherwise. */
export const REAR_CAMERA: MediaStreamConstraints = {
  audio: false,
  video: { facingMode: { ideal: "environment" } },
};

const OR_ELSE = "take a photo of the label or type the code below.";

/** One sentence for why the camera did not start, pointing to the photo and typing instead. */
export function cameraProblem(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  if (!hasCameraApi()) return `This browser can't use the camera here (it needs https): ${OR_ELSE}`;
  if (name === "NotAllowedError" || name === "SecurityError") {
    return `LotLedger may not use the camera (allow it in the browser's site settings), so ${OR_ELSE}`;
  }
  if (name === "NotFoundError" || name === "OverconstrainedError") {
    return `This device has no camera LotLedger can use: ${OR_ELSE}`;
  }
  if (name === "NotReadableError" || name === "AbortError") {
    return `The camera is busy in another app: close that app and tap Scan again, or ${OR_ELSE}`;
  }
  return `The camera did not start: ${OR_ELSE}`;
}

/** getUserMedia exists only in a secure context (https, or localhost). */
export function hasCameraApi(): boolean {
  return typeof navigator !== "undefined" && Boolean(navigator.mediaDevices?.getUserMedia);
}

/** Whether the camera may already be used, so the page can open it without a tap. */
export async function isCameraAllowed(): Promise<boolean> {
  if (!hasCameraApi()) return false;
  try {
    const status = await navigator.permissions.query({ name: "camera" as PermissionName });
    return status.state === "granted";
  } catch {
    return false; // Browsers that can't query the camera permission ask when Scan is tapped.
  }
}

// A phone photo is 12 megapixels; zxing's binariser on all of them takes seconds on a cheap phone.
const PHOTO_MAX_SIDE = 1600;

/**
 * The text of the first barcode in a photo, or null when there is none. The photo is first read
 * scaled down; only if that finds nothing is it read at full size, where a small code may be.
 */
export async function decodePhoto(photo: Blob): Promise<string | null> {
  const image = await createImageBitmap(photo);
  try {
    const reader = createBarcodeReader({ isPhoto: true });
    const longest = Math.max(image.width, image.height);
    const scales = longest > PHOTO_MAX_SIDE ? [PHOTO_MAX_SIDE / longest, 1] : [1];
    for (const scale of scales) {
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(image.width * scale);
      canvas.height = Math.round(image.height * scale);
      canvas.getContext("2d")?.drawImage(image, 0, 0, canvas.width, canvas.height);
      try {
        return reader.decodeFromCanvas(canvas).getText();
      } catch {
        // zxing throws NotFoundException for "no barcode here": try the next scale.
      }
    }
    return null;
  } finally {
    image.close();
  }
}
