"use client";

import { useEffect, useEffectEvent, useRef } from "react";
import { cameraProblem, hasCameraApi } from "@/lib/scan/barcode-reader";
import { startCameraReader } from "@/lib/scan/camera-reader";

/**
 * The live rear camera, read by zxing (lib/scan/camera-reader.ts) until the first barcode.
 * Mounted = camera on, unmounted = camera off, so no stream is left running when the page moves on.
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
    let reader: { stop: () => void } | undefined;
    startCameraReader(video, (text) => {
      if (isDone) return;
      isDone = true;
      onRead(text);
    }).then(
      (started) => {
        reader = started;
        // Unmounted while the camera was still starting: release it at once.
        if (isDone) started.stop();
      },
      (error: unknown) => {
        if (!isDone) onFail(error);
      },
    );
    return () => {
      isDone = true;
      reader?.stop();
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
