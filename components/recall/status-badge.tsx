/** A lot's status as a small label; a recalled lot stands out in red. */
export function RecallStatusBadge({ status }: { status: string }) {
  const isRecalled = status === "RECALLED";
  return (
    <span
      className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ${isRecalled ? "bg-red-700 text-white" : "bg-stone-100 text-stone-700"}`}
    >
      {status.toLowerCase().replace("_", " ")}
    </span>
  );
}
