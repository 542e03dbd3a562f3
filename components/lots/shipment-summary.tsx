type Party = { gln: string; name: string };

/** The lot's latest shipment, as its pages show it (LotShipment of lib/lots/latest-shipment). */
export type ShipmentView = {
  document: { label: string; number: string } | null;
  shipper: Party | null;
  recipient: Party | null;
  destination: Party | null;
  carrier: Party | null;
};

/**
 * Which shipment this is, in the words on its paperwork: the reference document a person can find
 * in the truck or the office (their bill of lading, else LotLedger's shipment number), from whom, to
 * whom and where, and who carries it.
 */
export function ShipmentSummary({
  shipment,
  isDelivered,
}: {
  shipment: ShipmentView;
  isDelivered: boolean;
}) {
  const { document, shipper, recipient, destination, carrier } = shipment;
  const place = destination && destination.name !== recipient?.name ? `, ${destination.name}` : "";
  return (
    <section
      aria-label={isDelivered ? "Last shipment" : "Shipment"}
      className="flex flex-col gap-1 rounded-xl border-2 border-stone-200 bg-white p-4"
    >
      <h2 className="text-lg font-semibold">{isDelivered ? "Last shipment" : "Shipment"}</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {document ? (
          <>
            <dt className="text-stone-600">{document.label}</dt>
            <dd className="break-all font-mono font-semibold" data-testid="shipment-document">
              {document.number}
            </dd>
          </>
        ) : null}
        {shipper ? (
          <>
            <dt className="text-stone-600">From</dt>
            <dd>{shipper.name}</dd>
          </>
        ) : null}
        {recipient ? (
          <>
            <dt className="text-stone-600">To</dt>
            <dd data-testid="shipment-recipient">
              {recipient.name}
              {place}
            </dd>
          </>
        ) : null}
        {carrier ? (
          <>
            <dt className="text-stone-600">Carrier</dt>
            <dd data-testid="shipment-carrier">{carrier.name}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
