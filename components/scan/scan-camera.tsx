"use client";

import type { IScannerControls } from "@zxing/browser";
import { useEffect, useEffectEvent, useRef } from "react";
import {
  cameraProblem,
  createBarcodeReader,
  hasCameraApi,
  REAR_CAMERA,
} from "@/lib/scan/barcode-reader";

/**
 * The live rear camera, read by zxing until the first barcode. Mounted = camera on, unmounted =
 * camera off, so no stream is left running when the page moves on.
 */
export function ScanCamera({
  onDecode,
  onProblem,
}: {
  onDecode: (text: string) => void;
  onProblem: (sentence: string) => void;
}) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const onRead = useEffectEvent(onDecode);
  const onFail = useEffectEvent((error: unknown) => onProblem(cameraProblem(error)));

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    if (!hasCameraApi()) return void onFail(undefined);
    let isDone = false;
    let controls: IScannerControls | undefined;
    createBarcodeReader()
      .decodeFromConstraints(REAR_CAMERA, video, (result, _notFound, scanControls) => {
        if (!result || isDone) return;
        isDone = true;
        scanControls.stop();
        onRead(result.getText());
      })
      .then(
        (started) => {
          controls = started;
          // Unmounted while the camera was still starting: release it at once.
          if (isDone) started.stop();
        },
        (error: unknown) => {
          if (!isDone) onFail(error);
        },
      );
    return () => {
      isDone = true;
      controls?.stop();
    };
  }, []);

  return (
    <video
      ref={videoRef}
      aria-label="Camera view"
      muted
      playsInline
      className="h-full w-full object-cover"
    />
  );
}
