/** Who an organisation is on the ledger: kind, party GLN and the account that signs for it. */
export function OrganizationSummary({
  organization,
}: {
  organization: { kind: string; gln: string; chainAddress: string };
}) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-xl bg-white p-4">
      <dt className="text-stone-600">Kind</dt>
      <dd>{organization.kind.toLowerCase()}</dd>
      <dt className="text-stone-600">GLN</dt>
      <dd className="font-mono">{organization.gln}</dd>
      <dt className="text-stone-600">Ledger account</dt>
      <dd className="break-all font-mono text-sm">{organization.chainAddress}</dd>
    </dl>
  );
}

type Location = {
  id: string;
  gln: string;
  name: string;
  address: string;
  countryCode: string | null;
  phone: string | null;
  timeZone: string | null;
  latitude: number | null;
  longitude: number | null;
};

/** An organisation's places: the FSMA "location description" of each. */
export function LocationList({
  locations,
  highlightGln,
}: {
  locations: Location[];
  highlightGln?: string;
}) {
  return (
    <ul className="flex flex-col gap-3" aria-label="Locations">
      {locations.map((location) => (
        <li
          key={location.id}
          className={`rounded-xl border-2 bg-white p-4 ${location.gln === highlightGln ? "border-ledger-600" : "border-stone-200"}`}
        >
          <h3 className="text-lg font-semibold">{location.name}</h3>
          <p>
            {location.address}
            {location.countryCode ? `, ${location.countryCode}` : ""}
          </p>
          {location.phone ? <p>Phone {location.phone}</p> : null}
          <p className="text-sm text-stone-600">
            GLN <span className="font-mono">{location.gln}</span>
            {location.latitude !== null && location.longitude !== null
              ? ` · ${location.latitude}, ${location.longitude}`
              : ""}
            {location.timeZone ? ` · ${location.timeZone}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
