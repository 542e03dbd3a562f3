import type { Metadata } from "next";
import { ScanPanel } from "@/components/scan/scan-panel";
import { requireMember } from "@/lib/auth/session";
import { removePackageAction } from "../recalls/actions";
import { resolveScanAction } from "./actions";

export const metadata: Metadata = { title: "Scan" };

export default async function ScanPage() {
  const member = await requireMember();
  return (
    <>
      <h1 className="text-2xl font-bold">Scan a label</h1>
      <ScanPanel
        resolve={resolveScanAction}
        removePackage={removePackageAction}
        userId={member.userId}
      />
    </>
  );
}
