// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {LotTrackerRoles} from "../access/LotTrackerRoles.sol";
import {ILotTracker} from "../interfaces/ILotTracker.sol";

/**
 * @title LotTrackerState
 * @notice LotTracker's storage of lots, its getters, and the checks every operation shares.
 * @dev `_lots` is private: operations reach a lot only through `_existingLot` / `_heldLot`, which
 * revert for an unknown lot or a caller who does not hold it.
 */
abstract contract LotTrackerState is ILotTracker, LotTrackerRoles {
    /// @dev A GTIN has at most 14 digits; GTIN-8/12/13 are the same number left-padded with zeros.
    uint64 private constant _MAX_GTIN = 99_999_999_999_999;

    /// @dev 20 + 1 + 1 + 3 × 3 = 31 bytes: one slot, so each custody change or recall is one SSTORE.
    struct Lot {
        address custodian;
        LotStatus status;
        LotStatus statusBeforeRecall;
        uint24 producer;
        uint24 recipient;
        uint24 recaller;
    }

    mapping(bytes32 lotId => Lot) private _lots;

    /**
     * @notice The id of the lot with this traceability lot code.
     * @dev Derived, not assigned, so the same TLC can never be registered twice and anyone can
     * compute it off-chain (see lib/chain/lot-id.ts).
     */
    function lotIdOf(uint64 gtin, bytes20 lotCode) public pure returns (bytes32) {
        return keccak256(abi.encode(gtin, lotCode));
    }

    /// @notice The current custodian of a lot, or the zero address for an unknown lot.
    function custodianOf(bytes32 lotId) external view returns (address) {
        return _lots[lotId].custodian;
    }

    /// @notice The current status of a lot, `None` for an unknown lot.
    function statusOf(bytes32 lotId) external view returns (LotStatus) {
        return _lots[lotId].status;
    }

    /// @notice The account that created the lot (createLot, or the lineage operation that made it).
    function producerOf(bytes32 lotId) external view returns (address) {
        return _accountOf(_lots[lotId].producer);
    }

    /// @notice The recipient of the lot's pending handoff (kept while a recall suspends it), or zero.
    function pendingRecipientOf(bytes32 lotId) external view returns (address) {
        return _accountOf(_lots[lotId].recipient);
    }

    /// @notice The account that recalled the lot, or zero when the lot is not recalled.
    function recallerOf(bytes32 lotId) external view returns (address) {
        return _accountOf(_lots[lotId].recaller);
    }

    /// @dev Validates the traceability lot code and writes a new active lot.
    function _registerLot(uint64 gtin, bytes20 lotCode, address custodian, uint24 producer)
        internal
        returns (bytes32 lotId)
    {
        if (gtin == 0 || gtin > _MAX_GTIN) revert LotTrackerInvalidGtin(gtin);
        if (lotCode == bytes20(0)) revert LotTrackerEmptyLotCode();
        lotId = lotIdOf(gtin, lotCode);
        if (_lots[lotId].status != LotStatus.None) revert LotTrackerLotExists(lotId);
        // One struct literal so the whole lot is written with a single SSTORE.
        _lots[lotId] = Lot(custodian, LotStatus.Active, LotStatus.None, producer, 0, 0);
    }

    function _requireCustodyRole(address account) internal view returns (Participant memory caller) {
        caller = _participant(account);
        if (caller.roles & _CUSTODY_ROLES == 0) revert LotTrackerMissingCustodyRole(account);
    }

    function _existingLot(bytes32 lotId) internal view returns (Lot storage lot) {
        lot = _lots[lotId];
        if (lot.status == LotStatus.None) revert LotTrackerUnknownLot(lotId);
    }

    function _heldLot(bytes32 lotId, address account) internal view returns (Lot storage lot) {
        lot = _existingLot(lotId);
        if (lot.custodian != account) revert LotTrackerNotCustodian(lotId, account);
    }

    /// @dev Tracking needs the goods in hand: any status but Consumed (those goods became other lots).
    function _requireTrackable(bytes32 lotId, address account) internal view {
        LotStatus status = _heldLot(lotId, account).status;
        if (status == LotStatus.Consumed) revert LotTrackerUnexpectedStatus(lotId, status);
    }

    function _inTransitTo(bytes32 lotId, address account, uint24 id)
        internal
        view
        returns (Lot storage lot)
    {
        lot = _existingLot(lotId);
        _requireStatus(lotId, lot.status, LotStatus.InTransit);
        if (lot.recipient != id) revert LotTrackerNotRecipient(lotId, account);
    }

    function _requireStatus(bytes32 lotId, LotStatus status, LotStatus expected) internal pure {
        if (status != expected) revert LotTrackerUnexpectedStatus(lotId, status);
    }
}
