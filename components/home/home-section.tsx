import Link from "next/link";

/**
 * One section of a home: a heading with how many there are, the items, and when empty a sentence
 * that is true for this organisation. When more exist than are shown, a link to all of them.
 */
export function HomeSection({
  id,
  title,
  total,
  shown,
  empty,
  more,
  children,
}: {
  id: string;
  title: string;
  total?: number;
  shown?: number;
  empty: string;
  more?: { href: string; label: string };
  children: React.ReactNode;
}) {
  const isEmpty = (shown ?? total ?? 0) === 0;
  return (
    <section aria-labelledby={`${id}-heading`} className="flex min-w-0 flex-col gap-2">
      <h2 id={`${id}-heading`} className="flex items-baseline gap-2 text-lg font-semibold">
        {title}
        {total !== undefined ? (
          <span className="rounded-full bg-stone-200 px-2 text-sm font-semibold text-stone-800">
            {total}
          </span>
        ) : null}
      </h2>
      {isEmpty ? (
        <p className="rounded-xl bg-white p-4 text-stone-600" data-testid={`${id}-empty`}>
          {empty}
        </p>
      ) : (
        children
      )}
      {more && total !== undefined && shown !== undefined && total > shown ? (
        <Link href={more.href} className="self-start py-2 font-semibold underline">
          {more.label} ({total})
        </Link>
      ) : null}
    </section>
  );
}
