import { getAddress } from "ethers";
import { gs1CheckDigit } from "@/lib/gs1/keys";

// The organisations and products of bench:trace's supply chain, from a seeded random generator so
// every run traces the same lineage.

export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer from min to max, both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  hex(bytes: number): string;
};

/** mulberry32: small, fast and good enough to shape test data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    hex: (bytes) => {
      let out = "";
      for (let i = 0; i < bytes; i++) out += int(0, 255).toString(16).padStart(2, "0");
      return out;
    },
  };
}

export type OrganizationKind = "FARM" | "PACKER" | "PROCESSOR" | "CARRIER" | "RETAILER";

export type BenchOrganization = {
  id: string;
  name: string;
  kind: OrganizationKind;
  gln: string;
  chainAddress: string;
  site: { gln: string; name: string; address: string; latitude: number; longitude: number };
};

export type World = Record<
  "farms" | "packers" | "processors" | "carriers" | "retailers" | "suppliers",
  BenchOrganization[]
> & {
  all: BenchOrganization[];
};

const withCheckDigit = (digits: string) => `${digits}${gs1CheckDigit(digits)}`;
const glnOf = (n: number) => withCheckDigit(`950600${String(n).padStart(6, "0")}`);
export const gtinOf = (n: number) => withCheckDigit(`0950600${String(n).padStart(6, "0")}`);

const SIZES: [keyof Omit<World, "all">, OrganizationKind, number, string][] = [
  ["farms", "FARM", 20, "Farm"],
  ["packers", "PACKER", 10, "Packhouse"],
  ["processors", "PROCESSOR", 8, "Fresh-cut Processing"],
  ["carriers", "CARRIER", 5, "Cold Logistics"],
  ["retailers", "RETAILER", 5, "Supermarkets DC"],
  ["suppliers", "PROCESSOR", 2, "Dressings"],
];

export function createWorld(rng: Rng): World {
  const world = { all: [] } as unknown as World;
  let n = 1;
  for (const [group, kind, count, label] of SIZES) {
    world[group] = [];
    for (let i = 1; i <= count; i++, n++) {
      const name = `${label} ${i}`;
      const organization: BenchOrganization = {
        id: `bench-org-${n}`,
        name,
        kind,
        gln: glnOf(n),
        chainAddress: getAddress(`0x${rng.hex(20)}`),
        site: {
          gln: glnOf(1000 + n),
          name: `${name} main site`,
          address: `${n} Harvest Road, Salinas, CA`,
          latitude: 36 + rng.next(),
          longitude: -121 - rng.next(),
        },
      };
      world[group].push(organization);
      world.all.push(organization);
    }
  }
  return world;
}

/** What each level of the lineage is: a product (GTIN) and its description. */
export const PRODUCTS = {
  harvest: [
    { gtin: gtinOf(101), commodity: "Lettuce", variety: "Romaine" },
    { gtin: gtinOf(102), commodity: "Spinach", variety: "Baby leaf" },
    { gtin: gtinOf(103), commodity: "Lettuce", variety: "Iceberg" },
  ],
  packed: { gtin: gtinOf(201), description: "Leafy greens, washed, 10 kg bulk" },
  case: { gtin: gtinOf(301), description: "Leafy greens, 12 × 500 g case" },
  pallet: { gtin: gtinOf(401), description: "Leafy greens pallet" },
  salad: [
    { gtin: gtinOf(501), description: "Caesar salad kit 300 g" },
    { gtin: gtinOf(502), description: "Garden salad bowl 250 g" },
  ],
  retail: { gtin: gtinOf(601), description: "Salad kits, 8-unit retail case" },
  dressing: { gtin: gtinOf(701), description: "Caesar dressing, 20 kg pail" },
};
