"use client";

import { useRouter } from "next/navigation";
import { type ChangeEvent, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/errors";
import { decideOffline, type OfflineDecision } from "@/lib/offline/decide-offline";
import { loadSnapshot } from "@/lib/offline/load-snapshot";
import { describeAction } from "@/lib/offline/queue";
import { decodePhoto, isCameraAllowed } from "@/lib/scan/barcode-reader";
import type { ScanResolution } from "@/lib/scan/resolve-scan";
import { FormError } from "../forms/form-error";
import { OfflineQueueList } from "../offline/offline-queue-list";
import { OfflineScanResult } from "../offline/offline-scan-result";
import type { RemovePackage } from "../recall/package-removal";
import { ScanCamera } from "./scan-camera";
import { ScanHoldAlert } from "./scan-hold-alert";
import { ScanRecallAlert } from "./scan-recall-alert";
import { ScanTypedEntry } from "./scan-typed-entry";

type ScanStep =
  | { step: "idle"; message?: string; notice?: string }
  | { step: "camera" }
  | { step: "busy"; status: string }
  | { step: "recalled"; recall: Extract<ScanResolution, { kind: "recalled" }> }
  | { step: "held"; held: Extract<ScanResolution, { kind: "held" }> }
  | { step: "offline"; decision: Exclude<OfflineDecision, { kind: "refused" }> };

const NO_BARCODE_IN_PHOTO =
  "No barcode was found in this photo: take it again closer, flat and in good light, or type the code below.";
/** The page's one alert: a refused scan, photo or typed code, the camera's problem. */
const SCAN_MESSAGE_ID = "scan-message";
const PHOTO_UNREADABLE =
  "This photo can't be opened: take it again with the camera, or type the code below.";

/** The scan page's one interactive leaf: camera, photo or typed code → the lot's next step. */
export function ScanPanel({
  resolve,
  removePackage,
  userId,
}: {
  resolve: (text: string) => Promise<ActionResult<ScanResolution>>;
  /** For the recall alert: the package in hand is off the shelf. */
  removePackage: RemovePackage;
  /** The signed-in member: what they queue offline is sent under their session only. */
  userId: string;
}) {
  const router = useRouter();
  const [state, setState] = useState<ScanStep>({ step: "idle" });
  const messageRef = useRef<HTMLDivElement>(null);
  const message = state.step === "idle" ? state.message : undefined;

  // A refusal of a typed code appears above the camera area, which the keyboard may have pushed
  // out of sight: bring it back into view.
  useEffect(() => {
    if (message) messageRef.current?.scrollIntoView({ block: "nearest" });
  }, [message]);

  // Once the camera is allowed, opening the page is the tap: one step fewer with gloves on.
  useEffect(() => {
    isCameraAllowed().then((isAllowed) => {
      if (isAllowed)
        setState((now) => (now.step === "idle" && !now.message ? { step: "camera" } : now));
    });
  }, []);

  /**
   * Sends what was read to the server and goes where it says; a refusal comes back as a sentence.
   * Without the network, the phone's last snapshot of lots answers instead (lib/offline).
   */
  async function lookUp(text: string): Promise<string | undefined> {
    setState({ step: "busy", status: "Looking up the lot…" });
    const result = navigator.onLine ? await resolve(text).catch(() => undefined) : undefined;
    if (result === undefined) return answerOffline(text);
    if (!result.ok) {
      setState({ step: "idle", message: result.message });
      return result.message;
    }
    if (result.data.kind === "recalled") {
      navigator.vibrate?.([300, 100, 300, 100, 300]);
      setState({ step: "recalled", recall: result.data });
      return undefined;
    }
    if (result.data.kind === "held") {
      navigator.vibrate?.([300, 100, 300]);
      setState({ step: "held", held: result.data });
      return undefined;
    }
    setState({ step: "busy", status: "Opening the lot…" });
    router.push(result.data.href);
    return undefined;
  }

  async function answerOffline(text: string): Promise<string | undefined> {
    const decision = decideOffline(text, await loadSnapshot(userId));
    if (decision.kind === "refused") {
      setState({ step: "idle", message: decision.message });
      return decision.message;
    }
    if (decision.kind === "recalled" || decision.lot.recall) navigator.vibrate?.([300, 100, 300]);
    setState({ step: "offline", decision });
    return undefined;
  }

  function onDecode(text: string) {
    navigator.vibrate?.(80); // the code was read: the hand can move on while the server answers
    void lookUp(text);
  }

  async function onPhoto(event: ChangeEvent<HTMLInputElement>) {
    const photo = event.target.files?.[0];
    event.target.value = ""; // the same photo again must still fire a change
    if (!photo) return;
    setState({ step: "busy", status: "Reading the photo…" });
    let text: string | null;
    try {
      text = await decodePhoto(photo);
    } catch {
      return setState({ step: "idle", message: PHOTO_UNREADABLE });
    }
    if (text === null) return setState({ step: "idle", message: NO_BARCODE_IN_PHOTO });
    onDecode(text);
  }

  const isBusy = state.step === "busy";
  return (
    <div className="flex flex-col gap-5">
      <div ref={messageRef} id={SCAN_MESSAGE_ID} className="empty:hidden">
        <FormError state={{ message }} />
      </div>
      {state.step === "idle" && state.notice ? (
        <p
          role="status"
          className="rounded-xl bg-amber-100 px-4 py-3 text-lg font-semibold text-amber-950"
        >
          {state.notice}
        </p>
      ) : null}
      {state.step === "offline" ? (
        <OfflineScanResult
          decision={state.decision}
          userId={userId}
          onDone={(queued) =>
            setState({
              step: "idle",
              notice: queued ? `Queued on this phone: ${describeAction(queued)}.` : undefined,
            })
          }
        />
      ) : null}
      <div className="relative h-72 w-full overflow-hidden rounded-2xl bg-stone-900">
        {state.step === "camera" ? (
          <>
            <ScanCamera
              onDecode={onDecode}
              onProblem={(message) => setState({ step: "idle", message })}
            />
            <p className="absolute inset-x-0 top-0 bg-black/60 p-3 text-center text-lg font-medium text-white">
              Point the camera at the barcode
            </p>
            <button
              type="button"
              onClick={() => setState({ step: "idle" })}
              className="absolute inset-x-3 bottom-3 min-h-14 rounded-xl bg-white text-lg font-semibold text-stone-900"
            >
              Stop camera
            </button>
          </>
        ) : isBusy ? (
          <p
            role="status"
            className="flex h-full items-center justify-center p-6 text-center text-2xl font-semibold text-white"
          >
            {state.status}
          </p>
        ) : (
          <button
            type="button"
            onClick={() => setState({ step: "camera" })}
            className="flex h-full w-full flex-col items-center justify-center gap-2 bg-ledger-700 text-white hover:bg-ledger-900"
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className="size-16"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            >
              <path d="M3 7V4h3M21 7V4h-3M3 17v3h3M21 17v3h-3M7 12h10" strokeLinecap="round" />
            </svg>
            <span className="text-3xl font-bold">Scan</span>
            <span className="text-base">Opens the camera</span>
          </button>
        )}
      </div>
      <label className="flex min-h-14 cursor-pointer items-center justify-center rounded-xl border-2 border-ledger-700 bg-white px-4 text-lg font-semibold text-ledger-900 has-focus-visible:ring-4 has-focus-visible:ring-ledger-600 has-disabled:opacity-50">
        Take / upload a photo
        <input
          type="file"
          accept="image/*"
          disabled={isBusy}
          onChange={onPhoto}
          className="sr-only"
        />
      </label>
      <ScanTypedEntry onSubmit={lookUp} isDisabled={isBusy} messageId={SCAN_MESSAGE_ID} />
      <OfflineQueueList userId={userId} />
      {state.step === "recalled" ? (
        <ScanRecallAlert
          recall={state.recall}
          removePackage={removePackage}
          onDismiss={() => setState({ step: "camera" })}
        />
      ) : null}
      {state.step === "held" ? (
        <ScanHoldAlert held={state.held} onDismiss={() => setState({ step: "camera" })} />
      ) : null}
    </div>
  );
}
