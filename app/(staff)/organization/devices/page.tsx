import type { Metadata } from "next";
import Link from "next/link";
import { AttachDeviceForm } from "@/components/organization/attach-device-form";
import { DeviceList } from "@/components/organization/device-list";
import { RegisterDeviceForms } from "@/components/organization/register-device-form";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { findAttachTargets, findDevices } from "@/lib/devices";
import { isOrganizationAdmin } from "@/lib/organizations";
import { attachDeviceAction, registerDeviceAction, revokeDeviceAction } from "./actions";

export const metadata: Metadata = { title: "Data loggers" };

/** The organisation's clock now, as a datetime-local input holds it ("2026-12-03T14:30"). */
function clockNow(timeZone: string | null | undefined): string {
  const format = new Intl.DateTimeFormat("sv-SE", {
    timeZone: timeZone || "UTC",
    ...{ year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" },
  });
  return format.format(new Date()).replace(" ", "T");
}

export default async function DevicesPage() {
  const member = await requireMember();
  const db = getDb();
  const isAdmin = isOrganizationAdmin(member);
  const canAttach = member.role !== "READ_ONLY";
  const [devices, targets] = await Promise.all([
    findDevices({ db, member }),
    canAttach ? findAttachTargets({ db, member }) : [],
  ]);
  const attachable = devices
    .filter((d) => d.status !== "REVOKED")
    .map((d) => ({ value: d.id, label: d.name }));
  const timeZone = member.organization.timeZone ?? null;
  return (
    <>
      <div className="flex flex-col gap-1">
        <Link href="/organization" className="self-start underline underline-offset-2">
          ← {member.organization.name}
        </Link>
        <h1 className="text-2xl font-bold">Data loggers</h1>
        <p className="text-stone-700">
          Loggers sign their temperature readings with their own key; the ledger takes a batch only
          from a logger registered here and not revoked.
        </p>
      </div>
      <section className="flex flex-col gap-3" aria-labelledby="loggers-heading">
        <h2 id="loggers-heading" className="text-xl font-semibold">
          Registered loggers
        </h2>
        <DeviceList
          devices={devices}
          timeZone={timeZone}
          revoke={isAdmin ? revokeDeviceAction : null}
        />
      </section>
      {canAttach && attachable.length > 0 ? (
        <section className="flex flex-col gap-3" aria-labelledby="attach-heading">
          <h2 id="attach-heading" className="text-xl font-semibold">
            Attach a logger to a lot or shipment
          </h2>
          <AttachDeviceForm
            action={attachDeviceAction}
            devices={attachable}
            targets={targets}
            now={clockNow(timeZone)}
          />
        </section>
      ) : null}
      {isAdmin ? (
        <section className="flex flex-col gap-3" aria-labelledby="register-heading">
          <h2 id="register-heading" className="text-xl font-semibold">
            Add a logger
          </h2>
          <RegisterDeviceForms action={registerDeviceAction} />
        </section>
      ) : (
        <p className="text-stone-700">
          Only an admin of {member.organization.name} can register or revoke loggers.
        </p>
      )}
    </>
  );
}
