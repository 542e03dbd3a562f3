const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "2 pallets, 1 lot": what a shipment carries, as its buttons and lists say it. */
export function shipmentCounts(pallets: number, lots: number): string {
  return [
    pallets > 0 ? plural(pallets, "pallet", "pallets") : null,
    lots > 0 || pallets === 0 ? plural(lots, "lot", "lots") : null,
  ]
    .filter(Boolean)
    .join(", ");
}
