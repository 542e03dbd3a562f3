import Link from "next/link";
import type { Member } from "@/lib/auth/session";
import type { RecallSummary } from "@/lib/recall";
import { CONCERN_LABELS, SEVERITY_LABELS } from "@/lib/recall/terms";

/**
 * Above every staff page, for everyone in an organisation holding recalled stock: what is recalled
 * and the way to acknowledge it, until someone with staff access has.
 */
export function RecallNotices({
  member,
  recalls,
}: {
  member: Pick<Member, "role" | "organization">;
  /** The open recalls the member's organisation has not acknowledged yet (findRecallsAwaiting). */
  recalls: RecallSummary[];
}) {
  if (recalls.length === 0) return null;
  return (
    <section
      role="alert"
      aria-label="Recalls to acknowledge"
      className="bg-red-700 py-3 text-white"
    >
      {/* The band spans the window; its lines keep the staff layout's page width (max-w-6xl). */}
      <ul className="mx-auto flex w-full max-w-6xl flex-col gap-2 px-4">
        {recalls.map((recall) => (
          <li key={recall.id} className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-semibold">
              {SEVERITY_LABELS[recall.severity].name} recall: lot {recall.lotCode}.{" "}
              {member.organization.name}{" "}
              {recall.concern === "SOURCE"
                ? "is the source of a recalled lot"
                : CONCERN_LABELS[recall.concern ?? "HOLDS_STOCK"]}
              .
            </p>
            <Link
              href={`/recalls/${recall.id}`}
              className="flex min-h-11 items-center rounded-lg bg-white px-4 font-bold text-red-800"
            >
              {member.role === "READ_ONLY" ? "See the recall" : "Open and acknowledge"}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
