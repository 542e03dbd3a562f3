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
