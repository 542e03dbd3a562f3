type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * The sentence for a field the browser's own checks refused, in LotLedger's words where the field
 * gives them (data-missing: the server's sentence for an empty field; data-invalid: for a value
 * that is too short or does not match; title: what a pattern wants), else naming the field by its
 * label; the browser's wording is the last resort.
 */
export function browserCheckMessage(control: Control): string {
  const label = labelOf(control);
  const { validity } = control;
  // Set by blankIsMissing below: the field's own sentence already.
  if (validity.customError) return control.validationMessage;
  if (validity.valueMissing) {
    if (control.dataset.missing) return control.dataset.missing;
    return control instanceof HTMLSelectElement || isChoice(control)
      ? `Choose ${label}.`
      : `Fill in ${label}.`;
  }
  if (control.dataset.invalid) return control.dataset.invalid;
  if (validity.patternMismatch && control.title) return control.title;
  return label ? `${label}: ${control.validationMessage}` : control.validationMessage;
}

function isChoice(control: Control): boolean {
  return control instanceof HTMLInputElement && ["checkbox", "radio"].includes(control.type);
}

/** "Lot code" as the user reads it, in quotes, or "" when the field has no label. */
function labelOf(control: Control): string {
  const text = control.labels?.[0]?.textContent?.trim() || control.getAttribute("aria-label");
  return text ? `“${text}”` : "";
}

/**
 * `required` lets a field of spaces through; the server refuses it. Marks a required field that is
 * blank but not empty as missing too, with its sentence, so it is caught before any round trip.
 */
export function blankIsMissing(control: EventTarget | null): void {
  if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)) return;
  if (!control.required || ["checkbox", "radio", "file"].includes(control.type)) return;
  const isBlank = control.value !== "" && control.value.trim() === "";
  control.setCustomValidity(
    isBlank ? control.dataset.missing || `Fill in ${labelOf(control)}.` : "",
  );
}
