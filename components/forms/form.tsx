"use client";

import {
  type FormEvent,
  type FormHTMLAttributes,
  type ReactNode,
  useActionState,
  useCallback,
  useEffect,
  useRef,
  useState,
} from "react";
import { blankIsMissing, browserCheckMessage } from "./browser-checks";
import { type Confirmation, ConfirmStep } from "./confirm-step";
import { ErrorSummary } from "./error-summary";
import { FormFieldsContext } from "./form-context";
import { type FormState, inFormOrder } from "./form-state";
import { RecordedNotice } from "./recorded-notice";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
/** A form's state: FormState, or a form's own that adds to it (an invitation link, a new key). */
type State = object | undefined;

/**
 * LotLedger's one form. The browser's own checks (required, pattern, type) run first, before any
 * round trip, but every refused field is reported at once instead of the browser's one bubble; the
 * server's checks come back the same way (FormState.fieldErrors). Either way the summary at the top
 * lists them with links and takes the focus, each field shows its sentence beside it, and what was
 * typed stays. `confirm` adds a second look before recording. `action` may also be a URL (a GET
 * form that leads to a review page), with `state` the refusal the page was rendered with. Without
 * JavaScript the browser's bubbles and the server's answer still work.
 */
export function Form<S extends State = FormState>({
  action,
  state: rendered,
  confirm,
  children,
  ...form
}: Omit<FormHTMLAttributes<HTMLFormElement>, "action" | "children"> & {
  action: ((state: S, data: FormData) => Promise<S>) | string;
  state?: S;
  confirm?: Confirmation;
  children: ReactNode | ((state: S) => ReactNode);
}) {
  const [answer, formAction] = useActionState<S, FormData>(
    typeof action === "string" ? async () => rendered as S : action,
    rendered as Awaited<S>,
  );
  const given = typeof action === "string" ? (rendered as S) : answer;
  const state = given as FormState;
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const [confirming, setConfirming] = useState<FormData | null>(null);
  const summary = useRef<HTMLElement>(null);
  const formElement = useRef<HTMLFormElement | null>(null);
  const [refusals, setRefusals] = useState(0);

  // The browser fires "invalid" at each refused field in turn: gather them into one summary.
  const watch = useCallback((element: HTMLFormElement | null) => {
    if (!element) return;
    formElement.current = element;
    let batch: Record<string, string> | null = null;
    const onInvalid = (event: Event) => {
      event.preventDefault();
      const control = event.target as Control;
      if (!batch) {
        batch = {};
        // A task, not a microtask: microtasks run between the browser's "invalid" events.
        setTimeout(() => {
          setChecked(batch);
          setConfirming(null);
          setRefusals((n) => n + 1);
          batch = null;
        });
      }
      batch[control.name] ??= browserCheckMessage(control);
    };
    element.addEventListener("invalid", onInvalid, true);
    return () => element.removeEventListener("invalid", onInvalid, true);
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    setChecked(null);
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (confirm && !submitter?.hasAttribute("data-confirms")) {
      event.preventDefault();
      setConfirming(new FormData(event.currentTarget));
    } else {
      setConfirming(null);
    }
  }

  // A refusal (also one the page was rendered with) takes the focus to the summary.
  useEffect(() => {
    if (state?.message) setRefusals((n) => n + 1);
  }, [state]);
  useEffect(() => {
    if (refusals > 0) summary.current?.focus();
  }, [refusals]);

  // Read at render: the fields are those of the form as last mounted (a refusal does not change them).
  const names = Array.from(
    formElement.current?.elements ?? [],
    (e) => e.getAttribute("name") ?? "",
  );
  const errors = inFormOrder(checked ?? state?.fieldErrors ?? {}, names);
  return (
    <FormFieldsContext value={{ errors, values: state?.values }}>
      {/* The key remounts the fields with the submitted values after a refusal: nothing typed is lost. */}
      <form
        key={JSON.stringify(state?.values ?? {})}
        ref={watch}
        action={typeof action === "string" ? action : formAction}
        onSubmit={onSubmit}
        onInput={(event) => {
          blankIsMissing(event.target);
          if (confirming) setConfirming(null);
        }}
        {...form}
      >
        <ErrorSummary
          ref={summary}
          message={checked ? undefined : state?.message}
          errors={errors}
        />
        <RecordedNotice text={state?.recorded} />
        <div className={confirm?.hidesFields && confirming ? "hidden" : "contents"}>
          {typeof children === "function" ? children(given) : children}
        </div>
        {confirm && confirming ? (
          <ConfirmStep
            confirmation={confirm}
            data={confirming}
            onBack={() => setConfirming(null)}
          />
        ) : null}
      </form>
    </FormFieldsContext>
  );
}
