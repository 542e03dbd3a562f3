// What each of the cold chain's refusals means to the person whose write it stops (errors.ts), from
// contracts/interfaces/ILotTrackerColdChain.sol. Temperatures arrive in milli-°C.

type Revert = { name: string; args: unknown[] };

const celsius = (milli: unknown) => `${Number(milli) / 1000}`;
/** The device address a device refusal names first, lower-case as LotLedger shows devices. */
const deviceOf = (args: unknown[]) => String(args[0]).toLowerCase();

export const COLD_CHAIN_REFUSALS: Record<string, (revert: Revert) => string> = {
  LotTrackerLotOnHold: () =>
    "The ledger refused: this lot is on hold because it spent longer outside its storage range than its product allows. An admin of its custodian must release it on the lot's page first.",
  LotTrackerLotNotOnHold: () =>
    "The ledger refused: this lot is not on hold, so there is nothing to release.",
  LotTrackerEmptyReason: () =>
    "The ledger refused: a reason is required. Write why, then try again.",
  LotTrackerDeviceExists: ({ args }) =>
    `The ledger refused: device ${deviceOf(args)} is already registered there, perhaps by another organisation; give the logger a new key pair.`,
  LotTrackerUnknownDevice: ({ args }) =>
    `The ledger refused: device ${deviceOf(args)} is not a registered data logger there. Register the device on the Data loggers page, then send its readings again.`,
  LotTrackerDeviceRevoked: ({ args }) =>
    `The ledger refused: device ${deviceOf(args)} was revoked, so its readings are no longer accepted. Register a new device.`,
  LotTrackerNotDeviceOwner: ({ args }) =>
    `The ledger refused: device ${deviceOf(args)} is not your organisation's on the ledger, so it cannot revoke it.`,
  LotTrackerDeviceNotOfCustodian: ({ args: [, device] }) =>
    `The ledger refused: device ${String(device).toLowerCase()} belongs neither to the lot's custodian nor to the carrier it is on its way to. Attach a logger of the organisation holding the lot.`,
  LotTrackerStaleBatch: ({ args: [, sequence, last] }) =>
    `The ledger refused: batch ${String(sequence)} of this data logger is not newer than its last anchored batch (${String(last)}), so it was sent before.`,
  LotTrackerInvalidReadingBatch: () =>
    "The ledger refused: the batch has no readings, no Merkle root, or ends before it begins.",
  LotTrackerHiddenExcursion: ({ args: [, min, max] }) =>
    `The ledger refused: the batch's readings reach ${celsius(min)} to ${celsius(max)} °C, outside the product's storage range, yet it reports 0 minutes outside it. Check the logger's range settings.`,
  LotTrackerInvalidStorageRule: ({ args: [min, max] }) =>
    `The ledger refused the storage range ${celsius(min)} to ${celsius(max)} °C: the minimum must be below the maximum, both between −80 and +80 °C.`,
};
