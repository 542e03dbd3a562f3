// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {LotTrackerShipmentState} from "./LotTrackerShipmentState.sol";

/**
 * @title LotTrackerState
 * @notice LotTracker's storage of lots, its getters, and the checks every operation shares.
 * @dev `_lots` is private: operations reach a lot only through `_existingLot` / `_heldLot`, which
 * revert for an unknown lot or a caller who does not hold it, and which first settle a lot's link to
 * a shipment (see `Lot.flags`). Views read a lot through `_lotView`, which settles in memory.
 */
abstract contract LotTrackerState is LotTrackerShipmentState {
    /// @dev A GTIN has at most 14 digits; GTIN-8/12/13 are the same number left-padded with zeros.
    uint64 private constant _MAX_GTIN = 99_999_999_999_999;
    /// @dev 0x01, 0x5F and 0x7F in each of a lot code's 20 bytes, added to all of them at once by
    /// `_isLotCode`, and the high bit of each byte.
    uint256 private constant _ADD_01 = type(uint160).max / 0xff;
    uint256 private constant _ADD_5F = _ADD_01 * 0x5f;
    uint256 private constant _ADD_7F = _ADD_01 * 0x7f;
    uint256 private constant _HIGH_BITS = _ADD_01 * 0x80;
    /// @dev Bits of `Lot.flags`.
    uint8 private constant _IN_SHIPMENT = 1;
    uint8 private constant _ON_HOLD = 2;

    /**
     * @dev 20 + 1 + 1 + 3 × 3 + 1 = 32 bytes: one slot, so each custody change or recall is one SSTORE.
     * `flags` holds two bits: _IN_SHIPMENT and _ON_HOLD (the storage rule held the lot; see
     * LotTrackerColdChain), so a hold costs the moves it blocks no extra SLOAD.
     * While _IN_SHIPMENT is set the lot was handed off in a batched shipment and is InTransit as far as
     * its slot knows: `recipient` and `recaller` (unused until a recall) hold the shipment's number,
     * low 24 bits first, and the shipment says who it goes to and whether it was answered whole.
     */
    struct Lot {
        address custodian;
        LotStatus status;
        LotStatus statusBeforeRecall;
        uint24 producer;
        uint24 recipient;
        uint24 recaller;
        uint8 flags;
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
        return _lotView(lotId).custodian;
    }

    /// @notice The current status of a lot, `None` for an unknown lot.
    function statusOf(bytes32 lotId) external view returns (LotStatus) {
        return _lotView(lotId).status;
    }

    /// @notice The account that created the lot (createLot, or the lineage operation that made it).
    function producerOf(bytes32 lotId) external view returns (address) {
        return _accountOf(_lots[lotId].producer);
    }

    /// @notice The recipient of the lot's pending handoff (kept while a recall suspends it), or zero.
    function pendingRecipientOf(bytes32 lotId) external view returns (address) {
        return _accountOf(_lotView(lotId).recipient);
    }

    /// @notice The account that recalled the lot, or zero when the lot is not recalled.
    function recallerOf(bytes32 lotId) external view returns (address) {
        return _accountOf(_lotView(lotId).recaller);
    }

    /// @dev Validates the traceability lot code, checks that `producer` (the Participant of
    /// `custodian`) holds the GTIN's company prefix, and writes a new active lot.
    function _registerLot(
        uint64 gtin,
        bytes20 lotCode,
        address custodian,
        Participant memory producer
    ) internal returns (bytes32 lotId) {
        _requireTlc(gtin, lotCode);
        _requireCompanyPrefix(gtin, custodian, producer);
        lotId = _writeNewLot(gtin, lotCode, custodian, producer.id);
    }

    /// @dev Registers a lot received from a supplier that is not on LotLedger: no member may hold
    /// the GTIN's company prefix, and the lot has no producer (participant id 0 is no one's).
    function _registerReceivedLot(uint64 gtin, bytes20 lotCode, address custodian)
        internal
        returns (bytes32 lotId)
    {
        _requireTlc(gtin, lotCode);
        _requireUnclaimedGtin(gtin);
        lotId = _writeNewLot(gtin, lotCode, custodian, 0);
    }

    function _requireTlc(uint64 gtin, bytes20 lotCode) private pure {
        if (gtin == 0 || gtin > _MAX_GTIN) revert LotTrackerInvalidGtin(gtin);
        if (lotCode == bytes20(0)) revert LotTrackerEmptyLotCode();
        if (!_isLotCode(lotCode)) revert LotTrackerInvalidLotCode(lotCode);
    }

    function _writeNewLot(uint64 gtin, bytes20 lotCode, address custodian, uint24 producerId)
        private
        returns (bytes32 lotId)
    {
        lotId = lotIdOf(gtin, lotCode);
        if (_lots[lotId].status != LotStatus.None) revert LotTrackerLotExists(lotId);
        // One struct literal so the whole lot is written with a single SSTORE.
        _lots[lotId] = Lot(custodian, LotStatus.Active, LotStatus.None, producerId, 0, 0, 0);
    }

    /**
     * @dev A lot code as the indexer can always read it: printable ASCII (0x21 to 0x7E, a superset of
     * the GS1 AI 10 characters) from the first byte, then only zero bytes. Checked on all 20 bytes at
     * once, byte-wise arithmetic in one word (about 100 gas, against some 1,500 for a loop): once no
     * byte has its high bit set, adding 0x5F, 0x01 or 0x7F to every byte never carries into the next,
     * and the high bit of each sum says whether that byte is >= 0x21, >= 0x7F or >= 0x01.
     */
    function _isLotCode(bytes20 lotCode) private pure returns (bool) {
        uint256 code = uint160(lotCode);
        // Cannot overflow: every operand is below 2^161, far from 2^256.
        unchecked {
            uint256 nonZero = (code + _ADD_7F) & _HIGH_BITS;
            uint256 printable = (code + _ADD_5F) & ~(code + _ADD_01) & _HIGH_BITS;
            // 0xFF in every zero byte; they trail the code when this is 2^(8n) - 1.
            uint256 zeros = ((~nonZero & _HIGH_BITS) >> 7) * 0xFF;
            return code & _HIGH_BITS == 0 && printable == nonZero && zeros & (zeros + 1) == 0;
        }
    }

    function _requireCustodyRole(address account) internal view returns (Participant memory caller) {
        caller = _participant(account);
        if (caller.roles & _CUSTODY_ROLES == 0) revert LotTrackerMissingCustodyRole(account);
    }

    function _existingLot(bytes32 lotId) internal returns (Lot storage lot) {
        lot = _lots[lotId];
        if (lot.status == LotStatus.None) revert LotTrackerUnknownLot(lotId);
        if (lot.flags & _IN_SHIPMENT != 0) _settleLink(lot);
    }

    function _heldLot(bytes32 lotId, address account) internal returns (Lot storage lot) {
        lot = _existingLot(lotId);
        if (lot.custodian != account) revert LotTrackerNotCustodian(lotId, account);
    }

    /// @dev Tracking needs the goods in hand: any status but Consumed (those goods became other lots).
    /// A view, so recording a reading in transit leaves a lot in its shipment.
    function _requireTrackable(bytes32 lotId, address account) internal view {
        Lot memory lot = _lotView(lotId);
        if (lot.status == LotStatus.None) revert LotTrackerUnknownLot(lotId);
        if (lot.custodian != account) revert LotTrackerNotCustodian(lotId, account);
        if (lot.status == LotStatus.Consumed) revert LotTrackerUnexpectedStatus(lotId, lot.status);
    }

    /// @dev Reverts when the storage rule holds the lot: it may not move or be used until released.
    function _requireNotOnHold(bytes32 lotId, Lot storage lot) internal view {
        if (lot.flags & _ON_HOLD != 0) revert LotTrackerLotOnHold(lotId);
    }

    /// @dev Whether the storage rule holds the lot now.
    function _isOnHold(bytes32 lotId) internal view returns (bool) {
        return _lots[lotId].flags & _ON_HOLD != 0;
    }

    /// @dev Holds or releases an existing lot (its link to a shipment settled first, so a held lot
    /// leaves its shipment and is received or refused on its own).
    function _setOnHold(bytes32 lotId, bool isOnHold) internal {
        Lot storage lot = _existingLot(lotId);
        lot.flags = isOnHold ? lot.flags | _ON_HOLD : lot.flags & ~_ON_HOLD;
    }

    function _inTransitTo(bytes32 lotId, address account, uint24 id)
        internal
        returns (Lot storage lot)
    {
        lot = _existingLot(lotId);
        _requireStatus(lotId, lot.status, LotStatus.InTransit);
        if (lot.recipient != id) revert LotTrackerNotRecipient(lotId, account);
    }

    function _requireStatus(bytes32 lotId, LotStatus status, LotStatus expected) internal pure {
        if (status != expected) revert LotTrackerUnexpectedStatus(lotId, status);
    }

    /// @dev Links an active lot, just checked, to a shipment in transit (`handoffBatch`).
    function _linkToShipment(Lot storage lot, uint32 shipment) internal {
        lot.status = LotStatus.InTransit;
        lot.recipient = uint24(shipment);
        lot.recaller = uint24(shipment >> 24);
        lot.flags |= _IN_SHIPMENT;
    }

    /// @dev The shipment a linked lot travels in.
    function _shipmentOfLot(Lot memory lot) private pure returns (uint32) {
        return uint32(lot.recipient) | (uint32(lot.recaller) << 24);
    }

    /// @dev Writes the state a linked lot reads through its shipment, and ends the link. A shipment
    /// still in transit loses the lot, which now changes on its own.
    function _settleLink(Lot storage lot) private {
        uint32 shipment = _shipmentOfLot(lot);
        Lot memory settled = _settled(lot, shipment);
        if (_shipment(shipment).state == ShipmentState.InTransit) _unlinkLot(shipment);
        lot.custodian = settled.custodian;
        lot.status = settled.status;
        lot.recipient = settled.recipient;
        lot.recaller = 0;
        lot.flags &= ~_IN_SHIPMENT;
    }

    /// @dev The lot as a view sees it: its link to a shipment settled in memory.
    function _lotView(bytes32 lotId) internal view returns (Lot memory lot) {
        lot = _lots[lotId];
        if (lot.flags & _IN_SHIPMENT != 0) lot = _settled(lot, _shipmentOfLot(lot));
    }

    function _settled(Lot memory lot, uint32 shipment) private view returns (Lot memory) {
        Shipment memory s = _shipment(shipment);
        lot.recaller = 0;
        lot.flags &= ~_IN_SHIPMENT;
        if (s.state == ShipmentState.InTransit) {
            lot.recipient = s.recipient;
        } else {
            // Answered whole: accepted moves custody to the recipient; refused leaves it with the sender.
            if (s.state == ShipmentState.Accepted) lot.custodian = _accountOf(s.recipient);
            lot.status = LotStatus.Active;
            lot.recipient = 0;
        }
        return lot;
    }
}
