import type { Provenance, RecallNotice } from "@/lib/provenance";
import { localDayText } from "@/lib/text/local-time";

/**
 * What a consumer holding a recalled product should do: the page's banner says it, and so does the
 * recall status JSON (lib/provenance/public-json.ts), word for word.
 */
export const RECALL_ADVICE = "Do not eat this product. Return it to the store or throw it away.";

/** The FDA's recall classes in a consumer's words: how much it matters. */
const CLASS_WORDS: Record<RecallNotice["severity"], string> = {
  CLASS_I: "Class I: could cause serious illness",
  CLASS_II: "Class II: could cause illness that passes or can be treated",
  CLASS_III: "Class III: unlikely to make anyone ill",
};

type Recall = NonNullable<Provenance["recall"]>;

function whatText(recall: Recall): string {
  const lot = `lot ${recall.lotCode} (GTIN ${recall.gtin})`;
  return recall.productName ? `${recall.productName}, ${lot}` : `The product of ${lot}`;
}

/** Why, since when, how serious and whom to ask, as the recalling organisation recorded it. */
function NoticeDetails({ notice }: { notice: RecallNotice }) {
  const { recalledBy } = notice;
  return (
    <>
      <dt>Why</dt>
      <dd data-testid="recall-reason">
        “{notice.reason}” <span className="quote-by">— {recalledBy.name}</span>
      </dd>
      <dt>Since</dt>
      <dd data-testid="recall-since">
        <time dateTime={notice.since}>{localDayText(notice.since, recalledBy.timeZone)}</time>
      </dd>
      <dt>How serious</dt>
      <dd data-testid="recall-class">{CLASS_WORDS[notice.severity]}</dd>
      <dt>Ask</dt>
      <dd data-testid="recall-contact">
        {recalledBy.name}
        {recalledBy.phone ? (
          <>
            {", "}
            <a href={`tel:${recalledBy.phone.replace(/[^\d+]/g, "")}`}>{recalledBy.phone}</a>
          </>
        ) : (
          ", or the store where you bought it"
        )}
      </dd>
    </>
  );
}

/**
 * The first thing on the page of a recalled lot, or of a lot made from one, in red: what to do, what
 * is recalled, why, since when, how serious, and whom to ask. Nothing reassuring goes under it.
 */
export function RecallBanner({ recall }: { recall: Recall }) {
  return (
    <section role="alert" aria-labelledby="recall-heading" className="alert">
      <h2 id="recall-heading">
        {recall.isThisLot
          ? `Recalled: lot ${recall.lotCode}`
          : `Recalled: made from lot ${recall.lotCode}`}
      </h2>
      <p>{RECALL_ADVICE}</p>
      {recall.isThisLot ? null : (
        <p>
          This product was made from lot {recall.lotCode} (GTIN {recall.gtin}), which is recalled.
        </p>
      )}
      <dl className="recall-notice">
        <dt>What</dt>
        <dd data-testid="recall-what">{whatText(recall)}</dd>
        {recall.notice ? (
          <NoticeDetails notice={recall.notice} />
        ) : (
          <>
            <dt>Why</dt>
            <dd>Not published on LotLedger: ask the store where you bought it.</dd>
          </>
        )}
      </dl>
    </section>
  );
}
