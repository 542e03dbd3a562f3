const KIND_LABELS: Record<string, string> = {
  FARM: "Farm",
  PACKER: "Packhouse",
  PROCESSOR: "Processor",
  CARRIER: "Carrier",
  RETAILER: "Retailer",
  REGULATOR: "Regulator",
};

/** "Green Valley Farm", then "Farm · Tuesday, December 1 (PST)": whose home, and which day it is there. */
export function HomeHeading({
  organization,
  timeZone,
  now = new Date(),
}: {
  organization: { name: string; kind: string };
  timeZone: string;
  now?: Date;
}) {
  const day = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "long",
    month: "long",
    day: "numeric",
  }).format(now);
  const zone =
    new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
      .formatToParts(now)
      .find((part) => part.type === "timeZoneName")?.value ?? timeZone;
  return (
    <h1 className="text-2xl font-bold">
      {organization.name}
      <span className="block text-base font-normal text-stone-600">
        {KIND_LABELS[organization.kind] ?? organization.kind} · {day} ({zone})
      </span>
    </h1>
  );
}
