/**
 * The recall dashboard is desktop-first: it takes up to 72rem even though the staff app's column is
 * phone-width, centred over that column, and shrinks back to it on a phone.
 */
export function RecallDashboardFrame({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex w-[min(72rem,calc(100vw-2rem))] flex-col gap-6 self-center">
      {children}
    </div>
  );
}
