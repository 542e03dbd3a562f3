import type { Metadata } from "next";
import { AddLocationForm } from "@/components/add-location-form";
import { FormError } from "@/components/form-error";
import { requireMember } from "@/lib/auth/session";
import {
  ADD_LOCATIONS,
  adminOnlyMessage,
  isOrganizationAdmin,
} from "@/lib/organizations/permissions";
import { addLocationAction } from "./actions";

export const metadata: Metadata = { title: "Add a location" };

export default async function NewLocationPage() {
  const member = await requireMember();
  return (
    <>
      <h1 className="text-2xl font-bold">Add a location</h1>
      {isOrganizationAdmin(member) ? (
        <AddLocationForm action={addLocationAction} />
      ) : (
        <FormError state={{ message: adminOnlyMessage(member, ADD_LOCATIONS) }} />
      )}
    </>
  );
}
