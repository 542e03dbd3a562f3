/** Prisma's "unique constraint failed" (P2002), as thrown through the pg driver adapter. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}
