"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders an open recall's page every few seconds, so the manager watches it close. */
export function RecallAutoRefresh({ everyMs = 5_000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
