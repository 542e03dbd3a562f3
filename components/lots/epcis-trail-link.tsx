/** The download of a lot's whole trail as an EPCIS 2.0 document, for a partner's or an auditor's system. */
export function EpcisTrailLink({ lotId, className }: { lotId: string; className: string }) {
  return (
    <a href={`/api/lots/${lotId}/epcis.jsonld`} className={className} download>
      Trail as EPCIS 2.0 (JSON-LD)
    </a>
  );
}
