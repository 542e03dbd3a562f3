/** What a form's server action hands back to the page: the error to show and the values to keep. */
export type FormState =
  | { message?: string; field?: string; values?: Record<string, string> }
  | undefined;
