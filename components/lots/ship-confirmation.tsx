import { SubmitButton } from "../forms/submit-button";

/** What the ship form is about to record, in the words on the paperwork. */
export type ShipmentDraft = {
  product: string;
  lotCode: string;
  /** "60 kg of 200 kg", or "all 200 kg". */
  quantity: string;
  recipient: string;
  carrier: string | null;
  document: string;
  /** The lot code the part left behind keeps, when part of the lot ships. */
  remainderNote: string | null;
};

/**
 * The confirmation step of the ship form: everything the shipment will put on the ledger, read back
 * before it is recorded, with the one button that records it and a way back to the form.
 */
export function ShipConfirmation({
  draft,
  isDelivery,
  onChange,
}: {
  draft: ShipmentDraft;
  isDelivery: boolean;
  onChange: () => void;
}) {
  const rows: [string, string][] = [
    ["Product", draft.product],
    ["Lot", draft.lotCode],
    ["Quantity", draft.quantity],
    [isDelivery ? "Deliver to" : "Ship to", draft.recipient],
    ...(draft.carrier ? [["Carrier", draft.carrier] as [string, string]] : []),
    ["Reference document", draft.document],
  ];
  return (
    <section
      aria-labelledby="ship-confirmation-title"
      className="flex flex-col gap-3 rounded-xl border-2 border-ledger-600 bg-white p-4"
    >
      <h2 id="ship-confirmation-title" className="text-lg font-semibold">
        Check before it is recorded
      </h2>
      <dl
        className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-lg"
        data-testid="ship-confirmation"
      >
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-stone-600">{term}</dt>
            <dd className="break-words font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      {draft.remainderNote ? <p className="text-base">{draft.remainderNote}</p> : null}
      <SubmitButton pendingLabel="Recording the shipment…">
        {isDelivery ? "Confirm delivery" : "Confirm shipment"}
      </SubmitButton>
      <button
        type="button"
        onClick={onChange}
        className="min-h-12 rounded-xl border-2 border-stone-300 px-4 text-lg font-semibold"
      >
        Change something
      </button>
    </section>
  );
}
