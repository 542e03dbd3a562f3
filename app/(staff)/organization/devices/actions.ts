"use server";

import { Wallet } from "ethers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import type { RegisterDeviceState } from "@/components/organization/register-device-form";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { attachDevice, registerDevice, revokeDevice } from "@/lib/devices";
import { AppError, toFailure } from "@/lib/errors";
import { chosen, parseInput } from "@/lib/input";
import { assertOrganizationAdmin } from "@/lib/organizations";
import { wallClockToDate } from "@/lib/text/wall-clock";

const DEVICES_PATH = "/organization/devices";
const MANAGE_DEVICES = "register or revoke data loggers";

const registration = z.discriminatedUnion(
  "keySource",
  [
    z.object({
      keySource: z.literal("address"),
      name: z
        .string()
        .trim()
        .min(1, "Give the logger a name people recognise, such as “Truck 7 logger”.")
        .max(80, "Keep the name under 80 characters."),
      address: z
        .string()
        .trim()
        .regex(
          /^0x[0-9a-fA-F]{40}$/,
          "The logger's address is 0x and 40 hexadecimal digits: copy it again from the logger or its app.",
        ),
    }),
    z.object({
      keySource: z.literal("generate"),
      newLoggerName: z
        .string()
        .trim()
        .min(1, "Give the logger a name people recognise, such as “Truck 7 logger”.")
        .max(80, "Keep the name under 80 characters."),
    }),
  ],
  { error: "Choose whether the logger has its own key or LotLedger makes one." },
);

/**
 * An admin registers a logger by its address, or has a key pair made for a new one: the private key
 * is made here, handed back once to be loaded into the logger, and kept nowhere.
 */
export async function registerDeviceAction(
  _previous: RegisterDeviceState,
  formData: FormData,
): Promise<RegisterDeviceState> {
  try {
    const member = await authenticate();
    assertOrganizationAdmin(member, MANAGE_DEVICES);
    const input = parseInput(registration, Object.fromEntries(formData));
    const wallet = input.keySource === "generate" ? Wallet.createRandom() : null;
    const address = wallet?.address ?? (input.keySource === "address" ? input.address : "");
    const name = input.keySource === "generate" ? input.newLoggerName : input.name;
    await registerDevice({ db: getDb(), member, name, address });
    revalidatePath(DEVICES_PATH);
    return { registered: { name, address, privateKey: wallet?.privateKey ?? null } };
  } catch (error) {
    return refusal(error, "registerDeviceAction", formData);
  }
}

export async function revokeDeviceAction(deviceId: string): Promise<FormState> {
  try {
    const member = await authenticate();
    assertOrganizationAdmin(member, MANAGE_DEVICES);
    await revokeDevice({ db: getDb(), member, deviceId: z.string().min(1).parse(deviceId) });
  } catch (error) {
    return { message: toFailure(error, "revokeDeviceAction").message };
  }
  revalidatePath(DEVICES_PATH);
  return undefined;
}

const attachment = z.object({
  deviceId: chosen("Choose the logger to attach."),
  target: chosen("Choose the lot or shipment the logger travels with.").pipe(
    z.string().regex(/^(lot|shipment):\S+$/, "Choose the lot or shipment from the list."),
  ),
  startsAt: chosen("Say from when the logger measures it."),
  endsAt: z.string().optional(),
});

/** Staff and admins attach a logger to a lot or a shipment for a window (a truck's trip). */
export async function attachDeviceAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  try {
    const member = await authenticate();
    if (member.role === "READ_ONLY") {
      throw new AppError(
        "FORBIDDEN",
        `A read-only member cannot attach loggers: ask a staff member or an admin of ${member.organization.name}.`,
      );
    }
    const input = parseInput(attachment, Object.fromEntries(formData));
    const zone = member.organization.timeZone;
    const startsAt = wallClockToDate(input.startsAt, zone);
    if (!startsAt)
      throw new AppError(
        "INVALID_INPUT",
        "The start is not a date and time: pick one with the calendar.",
        { field: "startsAt" },
      );
    const endsAt = input.endsAt ? wallClockToDate(input.endsAt, zone) : null;
    if (input.endsAt && !endsAt)
      throw new AppError(
        "INVALID_INPUT",
        "The end is not a date and time: pick one with the calendar, or leave it empty.",
        { field: "endsAt" },
      );
    if (endsAt && endsAt <= startsAt)
      throw new AppError(
        "INVALID_INPUT",
        "The end must come after the start: change one of them, or leave the end empty.",
        { field: "endsAt" },
      );
    const [kind, id] = input.target.split(":") as [string, string];
    await attachDevice({
      db: getDb(),
      member,
      deviceId: input.deviceId,
      ...(kind === "lot" ? { lotId: id } : { shipmentId: id }),
      startsAt,
      endsAt: endsAt ?? undefined,
    });
    revalidatePath(DEVICES_PATH);
    return { recorded: "Attached ✓ The logger's readings in this window go to it." };
  } catch (error) {
    return refusal(error, "attachDeviceAction", formData);
  }
}
