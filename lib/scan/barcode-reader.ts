// Browser-only: the scan page's camera and photo decoding. Kept apart from the React leaves so the
// readers, their hints and the error sentences live in one place.
import { BrowserMultiFormatReader } from "@zxing/browser";
import { decodePhotoPixels } from "./decode-photo-pixels";
import { labelHints } from "./zxing-js-photo";
import { ZXING_WASM_URL } from "./zxing-wasm-photo";

/**
 * The camera's fallback reader where WebAssembly can't load (lib/scan/camera-reader.ts): zxing-js
 * on video frames, without TRY_HARDER (a cheap phone can't afford it).
 */
export function createBarcodeReader(): BrowserMultiFormatReader {
  // 100 ms between attempts, as camera-reader.ts reads frames.
  return new BrowserMultiFormatReader(labelHints({ tryHarder: false }), {
    delayBetweenScanAttempts: 100,
  });
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

/**
 * The text of the first barcode in a photo, or null when there is none. The pixels go as they are
 * to lib/scan's strategy (decode-photo-pixels.ts), which scales a 12-MP photo down itself, so the
 * bench (bench/scan.ts) measures exactly what runs here.
 */
export async function decodePhoto(photo: Blob): Promise<string | null> {
  const image = await createImageBitmap(photo);
  try {
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d", { willReadFrequently: true });
    if (!context) throw new Error("This browser can't read a photo's pixels.");
    // A screenshot or a rendered label may be transparent: readers take clear pixels for black.
    context.fillStyle = "#fff";
    context.fillRect(0, 0, image.width, image.height);
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height);
    return (await decodePhotoPixels(pixels, { url: ZXING_WASM_URL }))?.text ?? null;
  } finally {
    image.close();
  }
}
