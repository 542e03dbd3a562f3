import { AppError } from "@/lib/errors";
import {
  pathFromSegments,
  type ResolverTarget,
  resolveDigitalLinkPath,
} from "./resolve-digital-link";

/** A catch-all route's segments (after /01/) as a resolver target; null when lib/gs1 refuses them. */
export function resolveRequestPath(segments: string[]): ResolverTarget | null {
  try {
    return resolveDigitalLinkPath(pathFromSegments(segments));
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}
