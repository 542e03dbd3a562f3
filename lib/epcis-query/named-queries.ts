import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { parseEventQuery, type RawQuery } from "./query-params";

// Named queries (/epcis/queries): an organisation's stored query parameters, answered by
// /epcis/queries/{name}/events and followed by subscriptions. Names are per organisation.

const queryDefinition = z.object({
  name: z
    .string({ error: "Give the query a name: letters, digits, - and _, up to 100." })
    .regex(/^[A-Za-z0-9_-]{1,100}$/, {
      error: "Give the query a name: letters, digits, - and _, up to 100.",
    }),
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())]), {
    error: 'Give the query\'s parameters as an object, e.g. {"EQ_bizStep": ["shipping"]}.',
  }),
});

export const noSuchQuery = (name: string) =>
  new AppError(
    "NOT_FOUND",
    `Your organisation has no query named “${name}”: GET /epcis/queries lists the ones it has.`,
  );

type Options = { db: Db; member: Pick<Member, "organization"> };

export async function createNamedQuery({ db, member, body }: Options & { body: unknown }) {
  const { name, query } = parseInput(queryDefinition, body);
  parseEventQuery(query);
  if (query.nextPageToken !== undefined || query.perPage !== undefined) {
    throw new AppError(
      "INVALID_INPUT",
      "A named query keeps filters only: leave out perPage and nextPageToken.",
      { field: "query" },
    );
  }
  const existing = await db.epcisQuery.findUnique({
    where: { organizationId_name: { organizationId: member.organization.id, name } },
  });
  if (existing) {
    throw new AppError(
      "CONFLICT",
      `Your organisation already has a query named “${name}”: choose another name, or delete that one first.`,
    );
  }
  await db.epcisQuery.create({ data: { organizationId: member.organization.id, name, query } });
  return { name, query };
}

export async function listNamedQueries({ db, member }: Options) {
  const queries = await db.epcisQuery.findMany({
    where: { organizationId: member.organization.id },
    orderBy: { name: "asc" },
    select: { name: true, query: true },
  });
  return queries.map((q) => ({ name: q.name, query: q.query as RawQuery }));
}

export async function getNamedQuery({ db, member, name }: Options & { name: string }) {
  const found = await db.epcisQuery.findUnique({
    where: { organizationId_name: { organizationId: member.organization.id, name } },
    select: { id: true, name: true, query: true },
  });
  if (!found) throw noSuchQuery(name);
  return { id: found.id, name: found.name, query: found.query as RawQuery };
}

/** Deletes the query and its subscriptions (nothing more is delivered for them). */
export async function deleteNamedQuery({ db, member, name }: Options & { name: string }) {
  const { count } = await db.epcisQuery.deleteMany({
    where: { organizationId: member.organization.id, name },
  });
  if (count === 0) throw noSuchQuery(name);
}
