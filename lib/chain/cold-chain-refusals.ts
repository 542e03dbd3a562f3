// What each of the cold chain's refusals means to the person whose write it stops (errors.ts), from
// contracts/interfaces/ILotTrackerColdChain.sol. Temperatures arrive in milli-°C.

type Revert = { name: string; args: unknown[] };

const celsius = (milli: unknown) => `${Number(milli) / 1000}`;

export const COLD_CHAIN_REFUSALS: Record<string, (revert: Revert) => string> = {
  LotTrackerLotOnHold: () =>
    "The ledger refused: this lot is on hold because it spent longer outside its storage range than its product allows. An admin of its custodian must release it on the lot's page first.",
  LotTrackerLotNotOnHold: () =>
    "The ledger refused: this lot is not on hold, so there is nothing to release.",
  LotTrackerEmptyReason: () =>
    "The ledger refused: a reason is required. Write why, then try again.",
  LotTrackerDeviceExists: () =>
    "This data logger is already registered on the ledger: each device key is registered once.",
  LotTrackerUnknownDevice: () =>
    "The ledger refused: the batch is not signed by a registered data logger. Register the device on the Devices page, then send its readings again.",
  LotTrackerDeviceRevoked: () =>
    "The ledger refused: this data logger was revoked, so its readings are no longer accepted. Register a new device.",
  LotTrackerNotDeviceOwner: () =>
    "The ledger refused: only the organisation that registered this data logger can revoke it.",
  LotTrackerDeviceNotOfCustodian: () =>
    "The ledger refused: this data logger belongs neither to the lot's custodian nor to the carrier it is on its way to. Attach a logger of the organisation holding the lot.",
  LotTrackerStaleBatch: ({ args: [, sequence, last] }) =>
    `The ledger refused: batch ${String(sequence)} of this data logger is not newer than its last anchored batch (${String(last)}), so it was sent before.`,
  LotTrackerInvalidReadingBatch: () =>
    "The ledger refused: the batch has no readings, no Merkle root, or ends before it begins.",
  LotTrackerHiddenExcursion: ({ args: [, min, max] }) =>
    `The ledger refused: the batch's readings reach ${celsius(min)} to ${celsius(max)} °C, outside the product's storage range, yet it reports 0 minutes outside it. Check the logger's range settings.`,
  LotTrackerInvalidStorageRule: ({ args: [min, max] }) =>
    `The ledger refused the storage range ${celsius(min)} to ${celsius(max)} °C: the minimum must be below the maximum, both between −80 and +80 °C.`,
};
