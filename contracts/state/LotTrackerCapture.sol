// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {LotTrackerLogistics} from "./LotTrackerLogistics.sol";

/**
 * @title LotTrackerCapture
 * @notice What trading partners' systems send through LotLedger's EPCIS interface: lots received from
 * suppliers that are not on LotLedger, and the anchoring of captured EPCIS events that change no
 * custody or lineage (observations, sensor reports, events of parties off the ledger).
 * @dev Captured events that ship, receive, transform or pack lots use the same functions as the
 * app's forms; only these two are capture's own.
 */
abstract contract LotTrackerCapture is LotTrackerLogistics {
    /**
     * @notice Registers a lot received from a supplier that is not on LotLedger, with the caller (any
     * custody role) as custodian and no producer: the first receiver on LotLedger vouches for it.
     * Refused when any member holds the GTIN's company prefix: that member registers its own lots.
     * @param gtin GTIN-14 of the product, as a number.
     * @param lotCode The supplier's lot code (GS1 AI 10), as `createLot` takes it.
     * @param payloadHash keccak256 of the payload: the supplier's events as received.
     * @return lotId The lot's id, `lotIdOf(gtin, lotCode)`.
     */
    function registerReceivedLot(uint64 gtin, bytes20 lotCode, bytes32 payloadHash)
        external
        returns (bytes32 lotId)
    {
        address account = _msgSender();
        _requireCustodyRole(account);
        lotId = _registerReceivedLot(gtin, lotCode, account);
        emit LotReceived(lotId, account, gtin, lotCode, payloadHash);
    }

    /**
     * @notice Anchors the Merkle root of EPCIS event hash IDs the caller captured; each event is then
     * proven by its Merkle proof against this root. Changes no lot.
     * @param root Root of the OpenZeppelin StandardMerkleTree of the hash IDs (`string` leaves).
     * @param eventCount How many events (leaves) the tree holds.
     * @param payloadHash keccak256 of the payload listing the hash IDs.
     */
    function anchorEvents(bytes32 root, uint32 eventCount, bytes32 payloadHash) external {
        address account = _msgSender();
        _requireCustodyRole(account);
        if (root == bytes32(0) || eventCount == 0) revert LotTrackerEmptyEventBatch();
        emit EpcisEventsAnchored(account, root, eventCount, payloadHash);
    }
}
