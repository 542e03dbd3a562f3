// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {LotTrackerMoves} from "./LotTrackerMoves.sol";

/**
 * @title LotTrackerLogistics
 * @notice Goods as they really move: lots packed on logistic units (pallets, cases) named by their SSCC,
 * and shipments of many lots in one transaction. Each lot in a batch is checked exactly as the
 * single-lot function checks it, and one failing lot reverts the whole batch.
 * @dev A batch emits one event listing its lots, which the indexer expands into per-lot changes. A
 * whole shipment is answered by writing its one slot (LotTrackerShipmentState), so a lot's share of
 * shipping and receiving stays near the one SSTORE of its handoff (gas table in docs/contract.md).
 * A unit stores only the hash of its lot list: to check the unpacking names the same lots, and so
 * its SSCC is never packed twice.
 */
abstract contract LotTrackerLogistics is LotTrackerMoves {
    /// @dev What `_units` holds for an SSCC once unpacked: never the hash of a lot list in practice.
    bytes32 private constant _UNPACKED = bytes32(uint256(1));

    mapping(uint64 sscc => bytes32 contentsHash) private _units;

    /**
     * @notice Ships active lots the caller holds to `recipient` in one transaction (a batched handoff).
     * @param lotIds The lots shipped; each must be active and held by the caller.
     * @param recipient Another account holding a custody role (PRODUCER, CARRIER or RETAILER).
     * @param payloadHash keccak256 of the shipping event's payload (its SSCCs, reference document).
     * @return shipment The shipment's number, for `acceptShipment` / `rejectShipment`.
     */
    function handoffBatch(bytes32[] calldata lotIds, address recipient, bytes32 payloadHash)
        external
        returns (uint32 shipment)
    {
        address account = _msgSender();
        _requireCustodyRole(account);
        if (lotIds.length == 0) revert LotTrackerEmptyBatch();
        Participant memory to = _participant(recipient);
        // The zero address is refused even if an admin granted it a role: it can never accept.
        if (recipient == account || recipient == address(0) || to.roles & _CUSTODY_ROLES == 0) {
            revert LotTrackerInvalidRecipient(lotIds[0], recipient);
        }
        shipment = _openShipment(account, to.id, uint32(lotIds.length));
        for (uint256 i = 0; i < lotIds.length; ++i) {
            bytes32 lotId = lotIds[i];
            Lot storage lot = _heldLot(lotId, account);
            // A repeated lot is refused here: its first occurrence already set it InTransit.
            _requireStatus(lotId, lot.status, LotStatus.Active);
            _requireNotOnHold(lotId, lot);
            _linkToShipment(lot, shipment);
        }
        emit ShipmentHandedOff(shipment, account, recipient, lotIds, payloadHash);
    }

    /**
     * @notice The recipient receives a whole shipment: custody of every lot moves to it, with one write.
     * @dev Refused once any of its lots was answered, taken back or recalled on its own
     * (LotTrackerShipmentChanged): the rest are then received with `acceptBatch`.
     * @param payloadHash keccak256 of the receiving event's payload.
     */
    function acceptShipment(uint32 shipment, bytes32 payloadHash) external {
        address account = _msgSender();
        Participant memory caller = _requireCustodyRole(account);
        address from = _answerWhole(shipment, account, caller.id, ShipmentState.Accepted);
        emit ShipmentAccepted(shipment, account, from, new bytes32[](0), payloadHash);
    }

    /**
     * @notice The recipient refuses a whole shipment: every lot is active again with the sender.
     * @dev Needs no role, as `rejectHandoff`: goods can always be sent back.
     * @param payloadHash keccak256 of the refusal's payload (reason, location, time).
     */
    function rejectShipment(uint32 shipment, bytes32 payloadHash) external {
        address account = _msgSender();
        uint24 id = _participant(account).id;
        address from = _answerWhole(shipment, account, id, ShipmentState.Rejected);
        emit ShipmentRejected(shipment, account, from, new bytes32[](0), payloadHash);
    }

    /**
     * @notice The named recipient takes custody of some lots of a shipment (a pallet of it), each
     * checked as `acceptHandoff` checks one. They leave the shipment, which is then answered by lot.
     * @param lotIds Lots in transit to the caller, all from the same custodian.
     * @param payloadHash keccak256 of the receiving event's payload.
     */
    function acceptBatch(uint32 shipment, bytes32[] calldata lotIds, bytes32 payloadHash) external {
        address account = _msgSender();
        Participant memory caller = _requireCustodyRole(account);
        address from = _answerLots(lotIds, account, caller.id, true);
        emit ShipmentAccepted(shipment, account, from, lotIds, payloadHash);
    }

    /**
     * @notice The named recipient refuses some lots of a shipment; each is active again with its sender.
     * @dev Needs no role, as `rejectHandoff`.
     * @param lotIds Lots in transit to the caller, all from the same custodian.
     * @param payloadHash keccak256 of the refusal's payload (reason, location, time).
     */
    function rejectBatch(uint32 shipment, bytes32[] calldata lotIds, bytes32 payloadHash) external {
        address account = _msgSender();
        address from = _answerLots(lotIds, account, _participant(account).id, false);
        emit ShipmentRejected(shipment, account, from, lotIds, payloadHash);
    }

    /**
     * @notice Packs active lots the caller holds on a logistic unit (EPCIS aggregation).
     * @param sscc The unit's SSCC as a number; the caller must hold its GS1 company prefix, and it
     * must never have been packed before.
     * @param lotIds The lots on the unit, in the order its payload lists them.
     * @param contentsRoot Merkle root of the unit's contents as its payload lists them, not zero.
     * @param payloadHash keccak256 of the packing event's payload.
     */
    function packUnit(
        uint64 sscc,
        bytes32[] calldata lotIds,
        bytes32 contentsRoot,
        bytes32 payloadHash
    ) external {
        address account = _msgSender();
        Participant memory caller = _requireCustodyRole(account);
        _requireSsccPrefix(sscc, account, caller);
        if (_units[sscc] != bytes32(0)) revert LotTrackerUnitExists(sscc);
        if (lotIds.length == 0 || contentsRoot == bytes32(0)) revert LotTrackerEmptyBatch();
        for (uint256 i = 0; i < lotIds.length; ++i) {
            bytes32 lotId = lotIds[i];
            Lot storage lot = _heldLot(lotId, account);
            _requireStatus(lotId, lot.status, LotStatus.Active);
            _requireNotOnHold(lotId, lot);
        }
        _units[sscc] = keccak256(abi.encodePacked(lotIds));
        emit LogisticUnitPacked(sscc, account, contentsRoot, lotIds, payloadHash);
    }

    /**
     * @notice Takes the lots off a logistic unit (disaggregation at the destination). The caller must
     * hold every lot; a recalled or consumed lot can still be taken off.
     * @param lotIds Exactly the lots packed on it, in the same order.
     * @param payloadHash keccak256 of the unpacking event's payload.
     */
    function unpackUnit(uint64 sscc, bytes32[] calldata lotIds, bytes32 payloadHash) external {
        address account = _msgSender();
        _requireCustodyRole(account);
        bytes32 contents = _units[sscc];
        if (contents == bytes32(0) || contents == _UNPACKED) revert LotTrackerUnitNotPacked(sscc);
        if (keccak256(abi.encodePacked(lotIds)) != contents) revert LotTrackerWrongUnitContents(sscc);
        for (uint256 i = 0; i < lotIds.length; ++i) {
            _heldLot(lotIds[i], account);
        }
        _units[sscc] = _UNPACKED;
        emit LogisticUnitUnpacked(sscc, account, lotIds, payloadHash);
    }

    /// @notice Whether a logistic unit is packed under this SSCC now.
    function isUnitPacked(uint64 sscc) external view returns (bool) {
        bytes32 contents = _units[sscc];
        return contents != bytes32(0) && contents != _UNPACKED;
    }

    /// @dev The checks and the one write of answering a whole shipment; returns its sender.
    function _answerWhole(uint32 shipment, address account, uint24 id, ShipmentState answer)
        private
        returns (address from)
    {
        Shipment memory s = _shipment(shipment);
        if (s.state != ShipmentState.InTransit) revert LotTrackerShipmentNotInTransit(shipment);
        if (s.recipient != id || id == 0) revert LotTrackerNotShipmentRecipient(shipment, account);
        if (s.linkedCount != s.lotCount) {
            revert LotTrackerShipmentChanged(shipment, s.linkedCount, s.lotCount);
        }
        _closeShipment(shipment, answer);
        return s.sender;
    }

    /// @dev The checks and state changes of accepting or refusing lots in transit to `account`.
    function _answerLots(bytes32[] calldata lotIds, address account, uint24 id, bool isAccepted)
        private
        returns (address from)
    {
        if (lotIds.length == 0) revert LotTrackerEmptyBatch();
        for (uint256 i = 0; i < lotIds.length; ++i) {
            bytes32 lotId = lotIds[i];
            Lot storage lot = _inTransitTo(lotId, account, id);
            address custodian = lot.custodian;
            if (i == 0) from = custodian;
            else if (custodian != from) revert LotTrackerMixedSenders(lotId, custodian);
            if (isAccepted) {
                _requireNotOnHold(lotId, lot);
                lot.custodian = account;
            }
            lot.status = LotStatus.Active;
            lot.recipient = 0;
        }
    }
}
