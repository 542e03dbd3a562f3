import type { Metadata } from "next";
import { FormError } from "@/components/forms/form-error";
import { CreateLotForm } from "@/components/lots/create-lot-form";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getProductOptions } from "@/lib/events/forms/get-form-context";
import { canCreateLots } from "@/lib/lots/guards";
import { createLotAction } from "./actions";

export const metadata: Metadata = { title: "New lot" };

export default async function NewLotPage() {
  const member = await requireMember();
  return (
    <>
      <h1 className="text-2xl font-bold">New lot</h1>
      {canCreateLots(member) ? (
        <CreateLotForm
          action={createLotAction}
          products={await getProductOptions(getDb(), member)}
        />
      ) : (
        <FormError
          state={{ message: "Only staff of farms, packers and processors create lots." }}
        />
      )}
    </>
  );
}
