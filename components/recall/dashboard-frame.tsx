/**
 * The recall dashboard's column: the staff layout's page width (72rem on a desktop, the phone's width
 * on a phone), so its edges line up with the header's.
 */
export function RecallDashboardFrame({ children }: { children: React.ReactNode }) {
  return <div className="flex w-full flex-col gap-6">{children}</div>;
}
