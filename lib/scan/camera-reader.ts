// Browser-only: the scan page's live camera, read frame by frame until the first barcode.
import type { IScannerControls } from "@zxing/browser";
import { createBarcodeReader, REAR_CAMERA } from "./barcode-reader";
import { readFrameWithZxingWasm, ZXING_WASM_URL } from "./zxing-wasm-photo";

/** 100 ms between frames: fast enough to feel instant, slow enough to leave a cheap CPU idle. */
const FRAME_INTERVAL_MS = 100;
/** A frame's longer side when read: a 1080p stream scaled down still resolves a pallet label's bars. */
const FRAME_MAX_SIDE = 1280;

/**
 * Opens the rear camera in `video` and reads its frames with zxing-cpp (WebAssembly, loaded now
 * from our own origin), which reads GS1-128 pallet and case labels zxing-js misses; where the
 * WebAssembly can't load, zxing-js reads the same video. Calls `onRead` once, then releases the
 * camera; `stop` releases it earlier. Rejects as getUserMedia does (see cameraProblem).
 */
export async function startCameraReader(
  video: HTMLVideoElement,
  onRead: (text: string) => void,
): Promise<{ stop: () => void }> {
  const stream = await navigator.mediaDevices.getUserMedia(REAR_CAMERA);
  let isStopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fallback: IScannerControls | undefined;
  const stop = () => {
    isStopped = true;
    clearTimeout(timer);
    fallback?.stop();
    for (const track of stream.getTracks()) track.stop();
  };
  const finish = (text: string) => {
    if (isStopped) return;
    stop();
    onRead(text);
  };
  try {
    video.srcObject = stream;
    await video.play();
  } catch (error) {
    stop();
    throw error;
  }
  const canvas = document.createElement("canvas");
  const tick = async () => {
    if (isStopped) return;
    let text: string | null = null;
    try {
      const frame = frameOf(video, canvas);
      text = frame ? await readFrameWithZxingWasm(frame, { url: ZXING_WASM_URL }) : null;
    } catch {
      if (isStopped) return;
      fallback = await createBarcodeReader().decodeFromVideoElement(video, (result) => {
        if (result) finish(result.getText());
      });
      return;
    }
    if (text !== null) return finish(text);
    timer = setTimeout(tick, FRAME_INTERVAL_MS);
  };
  void tick();
  return { stop };
}

/** The video's current frame, scaled down to FRAME_MAX_SIDE, or null before the first frame. */
function frameOf(video: HTMLVideoElement, canvas: HTMLCanvasElement): ImageData | null {
  const { videoWidth: width, videoHeight: height } = video;
  if (width === 0 || height === 0) return null;
  const scale = Math.min(1, FRAME_MAX_SIDE / Math.max(width, height));
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) throw new Error("This browser can't read the camera's pixels.");
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}
