"use client";

import { Form } from "../forms/form";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";
import { DeviceKeyOnce } from "./device-key-once";

export type RegisterDeviceState =
  | {
      message?: string;
      field?: string;
      fieldErrors?: Record<string, string>;
      values?: Record<string, string>;
    }
  | { registered: { name: string; address: string; privateKey: string | null } }
  | undefined;

type Action = (state: RegisterDeviceState, data: FormData) => Promise<RegisterDeviceState>;

const NAME_HINT = "What people call it, such as “Truck 7 logger” or “Cold room 2”.";

/**
 * Two ways to register a logger, one form each so that neither hides the other: by the address its
 * own key gives (the logger or its app shows it), or with a key pair LotLedger makes for a new one.
 */
export function RegisterDeviceForms({ action }: { action: Action }) {
  return (
    <div className="flex flex-col gap-6">
      <Form action={action} className="flex flex-col gap-4" aria-labelledby="register-by-address">
        {(state) => (
          <>
            <h3 id="register-by-address" className="text-lg font-semibold">
              Register a data logger
            </h3>
            <Registered state={state} />
            <input type="hidden" name="keySource" value="address" />
            <TextField label="Name" name="name" autoComplete="off" required hint={NAME_HINT} />
            <TextField
              label="The logger's address"
              name="address"
              autoComplete="off"
              spellCheck={false}
              required
              pattern="^\s*0x[0-9a-fA-F]{40}\s*$"
              invalidMessage="The logger's address is 0x and 40 hexadecimal digits: copy it again from the logger or its app."
              hint="0x and 40 characters, from the logger's screen or its app."
            />
            <SubmitButton pendingLabel="Registering…">Register the logger</SubmitButton>
          </>
        )}
      </Form>
      <Form action={action} className="flex flex-col gap-4" aria-labelledby="register-new-key">
        {(state) => (
          <>
            <h3 id="register-new-key" className="text-lg font-semibold">
              Generate a key pair for a new logger
            </h3>
            <p className="text-stone-700">
              For a logger without a key of its own: LotLedger makes one, registers its address and
              shows you the private key once, to load into the logger.
            </p>
            {state && "registered" in state && state.registered.privateKey ? (
              <DeviceKeyOnce
                name={state.registered.name}
                address={state.registered.address}
                privateKey={state.registered.privateKey}
              />
            ) : null}
            <input type="hidden" name="keySource" value="generate" />
            {/* Its own field name: two fields named alike on one page would share an id. */}
            <TextField
              label="Name"
              name="newLoggerName"
              autoComplete="off"
              required
              hint={NAME_HINT}
            />
            <SubmitButton pendingLabel="Making the key…">Generate a key and register</SubmitButton>
          </>
        )}
      </Form>
    </div>
  );
}

function Registered({ state }: { state: RegisterDeviceState }) {
  if (!state || !("registered" in state) || state.registered.privateKey) return null;
  return (
    <p role="status" className="rounded-xl border-2 border-ledger-600 bg-ledger-50 p-4">
      Registered ✓ “{state.registered.name}” is waiting for the ledger; it shows as active once the
      ledger has it.
    </p>
  );
}
