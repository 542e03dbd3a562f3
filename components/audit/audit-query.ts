/** The audit log's filter as the page's query string reads it. */
export type AuditQuery = {
  action?: string;
  person?: string;
  lot?: string;
  from?: string;
  to?: string;
};

/** "?action=…&lot=…&page=2": the filter kept across pages and into the CSV download. */
export function auditQueryString(filter: AuditQuery, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ["action", "person", "lot", "from", "to"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (page && page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
