import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { AUDIT_ACTIONS } from "./actions";

/** Who reads the log, in the shape of lib/auth's Member. */
export type AuditViewer = {
  role: string;
  organization: { id: string; name: string; kind: string };
};

/** An organisation's admins read its own entries; regulators read every organisation's. */
export function canReadAuditLog(viewer: AuditViewer): boolean {
  return viewer.organization.kind === "REGULATOR" || viewer.role === "ADMIN";
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(value)));
const text = z.string().trim().min(1).max(100);

// The page's query string: anything malformed is left out rather than refused, as a filter field is.
export const auditFilterInput = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  person: text.optional().catch(undefined),
  lot: text.optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type AuditFilter = z.infer<typeof auditFilterInput>;

const DAY_MS = 86_400_000;

/** The entries the viewer may read and the filter keeps; dates are whole days in UTC, both included. */
export function auditWhere(viewer: AuditViewer, filter: AuditFilter): Prisma.AuditEntryWhereInput {
  if (!canReadAuditLog(viewer)) {
    throw new AppError(
      "FORBIDDEN",
      `Only an admin of ${viewer.organization.name} or a regulator can read the audit log: ask an admin.`,
    );
  }
  const { action, person, lot, from, to } = filter;
  const contains = (value: string) => ({ contains: value, mode: "insensitive" as const });
  return {
    ...(viewer.organization.kind === "REGULATOR" ? {} : { organizationId: viewer.organization.id }),
    ...(action ? { action } : {}),
    ...(person ? { OR: [{ actorName: contains(person) }, { apiKeyName: contains(person) }] } : {}),
    ...(lot ? { lotCode: contains(lot) } : {}),
    ...(from || to
      ? {
          createdAt: {
            ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}),
            ...(to ? { lt: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS) } : {}),
          },
        }
      : {}),
  };
}

export const AUDIT_PAGE_SIZE = 50;

const ENTRY = {
  id: true,
  createdAt: true,
  action: true,
  summary: true,
  actorName: true,
  apiKeyName: true,
  organizationName: true,
  lotId: true,
  lotCode: true,
  recallId: true,
  ledgerTransactionId: true,
  clientAddress: true,
  userAgent: true,
} satisfies Prisma.AuditEntrySelect;

export type AuditEntryView = Prisma.AuditEntryGetPayload<{ select: typeof ENTRY }>;

/** One page of the log, newest first, and how many entries the filter keeps in all. */
export async function findAuditEntries({
  db,
  viewer,
  filter,
}: {
  db: Db;
  viewer: AuditViewer;
  filter: AuditFilter;
}): Promise<{ entries: AuditEntryView[]; total: number; page: number; pageCount: number }> {
  const where = auditWhere(viewer, filter);
  const [entries, total] = await Promise.all([
    db.auditEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: ENTRY,
    }),
    db.auditEntry.count({ where }),
  ]);
  return {
    entries,
    total,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}

/** Every entry the filter keeps, newest first, up to a CSV a spreadsheet still opens. */
export async function findAllAuditEntries(
  db: Db,
  viewer: AuditViewer,
  filter: AuditFilter,
): Promise<AuditEntryView[]> {
  return db.auditEntry.findMany({
    where: auditWhere(viewer, filter),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100_000,
    select: ENTRY,
  });
}
