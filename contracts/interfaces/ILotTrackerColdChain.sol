// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title ILotTrackerColdChain
 * @notice Types, events and errors of LotTracker's cold chain: data loggers (devices) that sign their
 * own batches of readings, the storage rule of each GTIN, and the hold that rule puts on a lot kept
 * outside its range for longer than allowed.
 * @dev Temperatures are whole milli-degrees Celsius (int32), as the readings' Merkle leaves hold them
 * (lib/cold-chain/reading-leaf.ts); times are unix seconds.
 */
interface ILotTrackerColdChain {
    /**
     * @notice A batch of readings as its device signs it (EIP-712 typed data `ReadingBatch`, domain
     * "LotLedger LotTracker", version "1", this chain and contract). The lot is named by its
     * traceability lot code, so the contract finds the GTIN's storage rule without storing it per lot.
     * @param sequence Strictly increasing per device (gaps allowed): a batch is anchored at most once.
     * @param minutesOutsideRange Minutes of this batch outside the GTIN's storage range.
     */
    struct ReadingBatch {
        uint64 gtin;
        bytes20 lotCode;
        bytes32 readingsRoot;
        uint32 readingCount;
        uint32 sequence;
        uint40 firstReadingAt;
        uint40 lastReadingAt;
        int32 minMilliCelsius;
        int32 maxMilliCelsius;
        uint32 minutesOutsideRange;
    }

    /// @notice `owner` (a member's account) registered the data logger whose key has this address.
    event DeviceRegistered(address indexed device, address indexed owner);

    /// @notice The device's owner revoked it: batches it signs are refused from now on.
    event DeviceRevoked(address indexed device, address indexed owner);

    /// @notice The holder of the GTIN's company prefix (`actor`) set the storage rule its lots are
    /// held by: the range, and how many minutes outside it a lot may spend before it is held.
    event StorageRuleSet(
        uint64 indexed gtin,
        address indexed actor,
        int32 minMilliCelsius,
        int32 maxMilliCelsius,
        uint32 allowedExcursionMinutes
    );

    /// @notice A device-signed batch of readings was anchored to the lot; `actor` sent it.
    event DeviceReadingsAnchored(
        bytes32 indexed lotId, address indexed device, address indexed actor, ReadingBatch batch
    );

    /// @notice The storage rule held the lot in the transaction that anchored this device batch: it
    /// has now spent `excursionMinutes` outside its range, more than its GTIN's rule allows.
    event LotHeld(
        bytes32 indexed lotId,
        address indexed device,
        bytes32 readingsRoot,
        int32 minMilliCelsius,
        int32 maxMilliCelsius,
        uint32 excursionMinutes
    );

    /// @notice The lot's custodian (`actor`) released it from hold; its excursion minutes restart at 0.
    event LotReleased(bytes32 indexed lotId, address indexed actor, bytes32 reasonHash);

    /// @notice The device was registered before (an address is never registered twice), or is zero.
    error LotTrackerDeviceExists(address device);
    /// @notice No member registered a device with this address (or the signature is not a device's).
    error LotTrackerUnknownDevice(address device);
    /// @notice The device was revoked by its owner.
    error LotTrackerDeviceRevoked(address device);
    /// @notice Only the device's owner can revoke it.
    error LotTrackerNotDeviceOwner(address device, address account);
    /// @notice The device belongs neither to the lot's custodian nor to the carrier it is in transit to.
    error LotTrackerDeviceNotOfCustodian(bytes32 lotId, address device);
    /// @notice The batch's sequence is not above the device's last anchored one: sent before.
    error LotTrackerStaleBatch(address device, uint32 sequence, uint32 lastSequence);
    /// @notice The batch has no root, no readings, ends before it begins, or its minimum temperature
    /// is above its maximum.
    error LotTrackerInvalidReadingBatch();
    /// @notice The batch's extremes are outside the storage range but it claims no minutes outside it.
    error LotTrackerHiddenExcursion(bytes32 lotId, int32 minMilliCelsius, int32 maxMilliCelsius);
    /// @notice The range is empty or beyond −80 to +80 °C.
    error LotTrackerInvalidStorageRule(int32 minMilliCelsius, int32 maxMilliCelsius);
    /// @notice The lot is on hold: it cannot be shipped, received, packed or used until released.
    error LotTrackerLotOnHold(bytes32 lotId);
    /// @notice The lot is not on hold, so there is nothing to release.
    error LotTrackerLotNotOnHold(bytes32 lotId);
}
