// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {LotTrackerDevices} from "../access/LotTrackerDevices.sol";

/**
 * @title LotTrackerColdChain
 * @notice The if-then rule nobody can skip: a lot kept outside its GTIN's storage range for longer
 * than the rule allows is held in the same transaction that anchors the device's batch saying so,
 * and stays held until its custodian releases it (or a recall follows).
 * @dev The rule lives per GTIN (product master data), set by the holder of its company prefix; a lot
 * reaches it through the GTIN its batch names. Minutes outside the range add up per lot across
 * batches, so an excursion split over two batches still counts whole; a batch inside the range writes
 * only its device's sequence.
 */
abstract contract LotTrackerColdChain is LotTrackerDevices, EIP712 {
    bytes32 private constant _READING_BATCH_TYPEHASH = keccak256(
        "ReadingBatch(uint64 gtin,bytes20 lotCode,bytes32 readingsRoot,uint32 readingCount,"
        "uint32 sequence,uint40 firstReadingAt,uint40 lastReadingAt,int32 minMilliCelsius,"
        "int32 maxMilliCelsius,uint32 minutesOutsideRange)"
    );
    /// @dev −80 to +80 °C: beyond any food storage and any logger's range.
    int32 private constant _PHYSICAL_LIMIT = 80_000;

    /// @dev One slot per GTIN; `isSet` tells an unset rule from a 0–0 °C one.
    struct StorageRule {
        int32 minMilliCelsius;
        int32 maxMilliCelsius;
        uint32 allowedExcursionMinutes;
        bool isSet;
    }

    mapping(uint64 gtin => StorageRule) private _storageRules;
    mapping(bytes32 lotId => uint32 excursionMinutes) private _excursionMinutes;

    /**
     * @notice Sets the storage rule of a GTIN's lots; the caller must hold its GS1 company prefix.
     * @param allowedExcursionMinutes Minutes a lot may spend outside the range before it is held.
     */
    function setStorageRule(
        uint64 gtin,
        int32 minMilliCelsius,
        int32 maxMilliCelsius,
        uint32 allowedExcursionMinutes
    ) external {
        address account = _msgSender();
        _requireCompanyPrefix(gtin, account, _participant(account));
        if (
            minMilliCelsius >= maxMilliCelsius || minMilliCelsius < -_PHYSICAL_LIMIT
                || maxMilliCelsius > _PHYSICAL_LIMIT
        ) revert LotTrackerInvalidStorageRule(minMilliCelsius, maxMilliCelsius);
        _storageRules[gtin] =
            StorageRule(minMilliCelsius, maxMilliCelsius, allowedExcursionMinutes, true);
        emit StorageRuleSet(gtin, account, minMilliCelsius, maxMilliCelsius, allowedExcursionMinutes);
    }

    /// @notice The storage rule of a GTIN's lots; `isSet` is false when its brand set none.
    function storageRuleOf(uint64 gtin) external view returns (StorageRule memory) {
        return _storageRules[gtin];
    }

    /// @notice Whether the storage rule holds the lot, and its minutes outside range since its last
    /// release.
    function holdOf(bytes32 lotId) external view returns (bool isOnHold, uint32 excursionMinutes) {
        return (_isOnHold(lotId), _excursionMinutes[lotId]);
    }

    /**
     * @notice Anchors a batch of readings signed by a registered device of the lot's custodian, or
     * of the carrier the lot is in transit to, and applies the GTIN's storage rule: the lot is held
     * in this transaction when its minutes outside the range pass the rule's allowance. Anyone may
     * send it; the device's signature is the authority.
     * @param signature The device's EIP-712 signature of `batch` (65 bytes).
     */
    function anchorDeviceReadings(ReadingBatch calldata batch, bytes calldata signature) external {
        if (
            batch.readingsRoot == bytes32(0) || batch.readingCount == 0
                || batch.firstReadingAt > batch.lastReadingAt
        ) revert LotTrackerInvalidReadingBatch();
        // Any signature recovers some address: one that is not a registered device is refused next.
        address device = ECDSA.recoverCalldata(_hashTypedDataV4(_structHash(batch)), signature);
        address owner = _useDevice(device, batch.sequence);
        bytes32 lotId = lotIdOf(batch.gtin, batch.lotCode);
        _requireDeviceOfHolder(lotId, device, owner);
        emit DeviceReadingsAnchored(lotId, device, _msgSender(), batch);
        _applyStorageRule(lotId, device, batch);
    }

    /**
     * @notice The lot's custodian releases it from hold after judging the goods; its minutes outside
     * range start again from zero.
     * @param reasonHash keccak256 of the release note (who judged, why the goods are fit).
     */
    function releaseHold(bytes32 lotId, bytes32 reasonHash) external {
        address account = _msgSender();
        _requireCustodyRole(account);
        _heldLot(lotId, account);
        if (!_isOnHold(lotId)) revert LotTrackerLotNotOnHold(lotId);
        if (reasonHash == bytes32(0)) revert LotTrackerEmptyReason();
        _setOnHold(lotId, false);
        delete _excursionMinutes[lotId];
        emit LotReleased(lotId, account, reasonHash);
    }

    /// @dev Tracking needs the goods in hand (any status but Consumed), measured by a device of their
    /// custodian or of the carrier they are in transit to.
    function _requireDeviceOfHolder(bytes32 lotId, address device, address owner) private view {
        Lot memory lot = _lotView(lotId);
        if (lot.status == LotStatus.None) revert LotTrackerUnknownLot(lotId);
        if (lot.status == LotStatus.Consumed) revert LotTrackerUnexpectedStatus(lotId, lot.status);
        if (owner == lot.custodian) return;
        if (lot.status == LotStatus.InTransit && _participant(owner).id == lot.recipient) return;
        revert LotTrackerDeviceNotOfCustodian(lotId, device);
    }

    /// @dev Also refuses extremes the wrong way round, read here once for the rule's checks too.
    function _applyStorageRule(bytes32 lotId, address device, ReadingBatch calldata batch) private {
        (int32 low, int32 high) = (batch.minMilliCelsius, batch.maxMilliCelsius);
        if (low > high) revert LotTrackerInvalidReadingBatch();
        StorageRule memory rule = _storageRules[batch.gtin];
        if (!rule.isSet) return;
        uint32 outside = batch.minutesOutsideRange;
        if ((low < rule.minMilliCelsius || high > rule.maxMilliCelsius) && outside == 0) {
            revert LotTrackerHiddenExcursion(lotId, low, high);
        }
        if (outside == 0) return;
        uint32 total = _excursionMinutes[lotId] + outside;
        _excursionMinutes[lotId] = total;
        if (total <= rule.allowedExcursionMinutes || _isOnHold(lotId)) return;
        _setOnHold(lotId, true);
        emit LotHeld(lotId, device, batch.readingsRoot, low, high, total);
    }

    function _structHash(ReadingBatch calldata batch) private pure returns (bytes32) {
        return keccak256(
            abi.encode(
                _READING_BATCH_TYPEHASH,
                batch.gtin,
                batch.lotCode,
                batch.readingsRoot,
                batch.readingCount,
                batch.sequence,
                batch.firstReadingAt,
                batch.lastReadingAt,
                batch.minMilliCelsius,
                batch.maxMilliCelsius,
                batch.minutesOutsideRange
            )
        );
    }
}
