import type { Metadata } from "next";
import { ColdChainAlerts } from "@/components/cold-chain/cold-chain-alerts";
import { CarrierHomeView } from "@/components/home/carrier-home";
import { HomeHeading } from "@/components/home/home-heading";
import { ProducerHomeView } from "@/components/home/producer-home";
import { RegulatorHomeView } from "@/components/home/regulator-home";
import { RetailerHomeView } from "@/components/home/retailer-home";
import { type Member, requireMember } from "@/lib/auth/session";
import { findOpenColdChainAlerts } from "@/lib/cold-chain";
import { getDb } from "@/lib/db";
import { toFailure } from "@/lib/errors";
import {
  findOpenRecalls,
  findPlaces,
  getCarrierHome,
  getProducerHome,
  getRetailerHome,
  homeTimeZone,
  type OutbreakResult,
  type RegulatorSearch,
  searchEverything,
  searchOutbreak,
} from "@/lib/home";

import { acknowledgeColdChainAlertAction } from "../lots/alert-actions";

export const metadata: Metadata = { title: "Home" };

type Params = { q?: string; product?: string; place?: string; from?: string; to?: string };

/** Each kind of organisation's first page after signing in (lib/home). */
export default async function HomePage({ searchParams }: { searchParams: Promise<Params> }) {
  const member = await requireMember();
  const db = getDb();
  const { kind, chainAddress } = member.organization;
  if (kind === "REGULATOR") return <RegulatorHome member={member} params={await searchParams} />;
  const alerts = <HomeColdChainAlerts member={member} />;
  if (kind === "CARRIER") {
    const home = await getCarrierHome({ db, address: chainAddress });
    const timeZone = homeTimeZone(member);
    return (
      <>
        <HomeHeading organization={member.organization} timeZone={timeZone} />
        {alerts}
        <CarrierHomeView member={member} home={home} timeZone={timeZone} />
      </>
    );
  }
  if (kind === "RETAILER") {
    const home = await getRetailerHome({ db, member });
    const timeZone = homeTimeZone(member);
    return (
      <>
        <HomeHeading organization={member.organization} timeZone={timeZone} />
        {alerts}
        <RetailerHomeView member={member} home={home} timeZone={timeZone} />
      </>
    );
  }
  const home = await getProducerHome({ db, member });
  return (
    <>
      <HomeHeading organization={member.organization} timeZone={home.timeZone} />
      {alerts}
      <ProducerHomeView member={member} home={home} />
    </>
  );
}

/** The excursions the organisation must act on, first thing after signing in (lib/holds). */
async function HomeColdChainAlerts({ member }: { member: Member }) {
  const alerts = await findOpenColdChainAlerts({ db: getDb(), member });
  return (
    <ColdChainAlerts
      alerts={alerts}
      timeZone={member.organization.timeZone ?? null}
      acknowledge={
        member.role === "READ_ONLY"
          ? undefined
          : (alertId) => acknowledgeColdChainAlertAction.bind(null, alertId)
      }
    />
  );
}

async function RegulatorHome({ member, params }: { member: Member; params: Params }) {
  const db = getDb();
  const query = (params.q ?? "").slice(0, 8_000);
  const outbreakQuery = {
    product: params.product?.slice(0, 200),
    placeGln: params.place?.slice(0, 13),
    from: params.from?.slice(0, 10),
    to: params.to?.slice(0, 10),
  };
  const problems: Record<string, string> = {};
  // A query that cannot be answered (a malformed barcode, a window out of order) says why in place.
  const attempt = async <T,>(work: () => Promise<T>, where: string): Promise<T | null> => {
    try {
      return await work();
    } catch (error) {
      problems[where] = toFailure(error, where).message;
      return null;
    }
  };
  const { product, placeGln, from, to } = outbreakQuery;
  const timeZone = homeTimeZone(member);
  const [search, outbreak, recalls, places] = await Promise.all([
    query.trim()
      ? attempt<RegulatorSearch>(() => searchEverything({ db, member, query }), "home search")
      : null,
    product && placeGln && from && to
      ? attempt<OutbreakResult>(
          () => searchOutbreak({ db, query: { product, placeGln, from, to } }),
          "outbreak search",
        )
      : null,
    findOpenRecalls({ db, member }),
    findPlaces(db),
  ]);
  return (
    <>
      <HomeHeading organization={member.organization} timeZone={timeZone} />
      <RegulatorHomeView
        query={query}
        search={search}
        problem={problems["home search"] ?? null}
        outbreakProblem={problems["outbreak search"] ?? null}
        recalls={recalls}
        places={places}
        outbreakQuery={{ ...lastTwoWeeks(timeZone), ...definedOf(outbreakQuery) }}
        outbreak={outbreak}
        timeZone={timeZone}
      />
    </>
  );
}

/** The outbreak search's window until the regulator picks one: the last 14 days, today included. */
function lastTwoWeeks(timeZone: string): { from: string; to: string } {
  const day = (date: Date) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(date);
  return { from: day(new Date(Date.now() - 13 * 86_400_000)), to: day(new Date()) };
}

function definedOf<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as Partial<T>;
}
