import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EventForm } from "@/components/events/event-form";
import { FormError } from "@/components/forms/form-error";
import { LotSearchForm } from "@/components/lots/lot-search-form";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { CTE_LABELS, cteRefusal, isRecordedHere } from "@/lib/events/cte-rules";
import { EVENT_FORMS } from "@/lib/events/forms/event-forms";
import { getFormContext } from "@/lib/events/forms/get-form-context";
import { MAX_OUTPUTS } from "@/lib/events/new-lots";
import { recordEventAction } from "./actions";

type Props = {
  params: Promise<{ cte: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { cte } = await params;
  return { title: isRecordedHere(cte) ? CTE_LABELS[cte] : "Event" };
}

export default async function RecordEventPage({ params, searchParams }: Props) {
  const member = await requireMember();
  const [{ cte }, query] = await Promise.all([params, searchParams]);
  const { lot, outputs, lotSearch, ...typed } = query;
  const build = EVENT_FORMS[cte];
  if (!isRecordedHere(cte) || !build) notFound();
  const refusal = cteRefusal(member, cte);
  if (refusal) {
    return (
      <>
        <h1 className="text-2xl font-bold">{CTE_LABELS[cte]}</h1>
        <FormError state={{ message: refusal }} />
      </>
    );
  }
  const lotId = typeof lot === "string" ? lot : undefined;
  const rows = Math.max(cte === "split" ? 2 : 1, Math.min(Number(outputs) || 0, MAX_OUTPUTS));
  const chosenLotIds = [typed.inputLotIds ?? []].flat().flatMap((ids) => ids.split(","));
  const context = await getFormContext({
    db: getDb(),
    member,
    lotId,
    outputs: rows,
    lotSearch: typeof lotSearch === "string" ? lotSearch.trim().slice(0, 100) : "",
    chosenLotIds,
  });
  const spec = build(context);
  const hasLotPicker = spec.fields.some((field) => field.kind === "lots");
  return (
    <>
      <h1 className="text-2xl font-bold">{spec.title}</h1>
      <p className="text-stone-700">{spec.intro}</p>
      <EventForm
        spec={spec}
        action={recordEventAction.bind(null, cte)}
        initialValues={typedValues(typed)}
        products={context.products}
        addOutput={
          spec.canAddOutput && rows < MAX_OUTPUTS
            ? { path: `/events/${cte}`, outputs: rows + 1, lot: lotId }
            : undefined
        }
      />
      {hasLotPicker ? (
        <LotSearchForm
          path={`/events/${cte}`}
          keep={[
            ...(lotId ? [["lot", lotId] as [string, string]] : []),
            ...(rows > 1 ? [["outputs", String(rows)] as [string, string]] : []),
            ...chosenLotIds.map((id) => ["inputLotIds", id] as [string, string]),
          ]}
        />
      ) : null}
    </>
  );
}

/** What was typed before a new-lot row was added, as the form's values (several checked: joined). */
function typedValues(query: Record<string, string | string[] | undefined>) {
  const entries = Object.entries(query).flatMap(([name, value]) =>
    value === undefined ? [] : [[name, Array.isArray(value) ? value.join(",") : value] as const],
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
