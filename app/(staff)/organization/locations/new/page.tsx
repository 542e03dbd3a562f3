import type { Metadata } from "next";
import { FormError } from "@/components/forms/form-error";
import { AddLocationForm } from "@/components/organization/add-location-form";
import { requireMember } from "@/lib/auth/session";
import { ADD_LOCATIONS, adminOnlyMessage, isOrganizationAdmin } from "@/lib/organizations";
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
