// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ILotTrackerColdChain} from "./ILotTrackerColdChain.sol";

/**
 * @title ILotTracker
 * @notice Types, events and errors of LotTracker: everything an indexer decodes.
 * @dev Every state change emits exactly one of these events, right after the change, with the lot id
 * and the acting account (`actor`, or `custodian` in `LotCreated`) indexed. Together they carry every
 * field needed to rebuild custody, status, lineage and recalls from logs alone. Payloads (a CTE's key
 * data elements, a recall notice) stay off-chain; events carry their keccak256.
 */
interface ILotTracker is ILotTrackerColdChain {
    /// @dev `None` must stay first: it is the zero value an unknown lot id reads as.
    enum LotStatus {
        None,
        Active,
        InTransit,
        Recalled,
        Consumed
    }

    /// @dev Which lineage function turned the inputs into the outputs.
    enum LineageKind {
        Split,
        Merge,
        Transform
    }

    /// @notice A lot created by a lineage operation: its traceability lot code and serials root.
    struct NewLot {
        uint64 gtin;
        bytes20 lotCode;
        bytes32 serialsRoot;
    }

    /// @notice A traceability lot was registered; carries every field an indexer needs.
    event LotCreated(
        bytes32 indexed lotId,
        address indexed custodian,
        uint64 gtin,
        bytes20 lotCode,
        bytes32 payloadHash,
        bytes32 serialsRoot
    );

    /// @notice The custodian shipped the lot to `recipient`; it is in transit until they answer.
    event LotHandedOff(
        bytes32 indexed lotId, address indexed actor, address indexed recipient, bytes32 payloadHash
    );

    /// @notice The recipient (`actor`) received the lot `from` its custodian and now holds it.
    event LotHandoffAccepted(
        bytes32 indexed lotId, address indexed actor, address indexed from, bytes32 payloadHash
    );

    /// @notice The recipient (`actor`) refused the lot; it is active again, still held by `from`.
    event LotHandoffRejected(
        bytes32 indexed lotId, address indexed actor, address indexed from, bytes32 payloadHash
    );

    /// @notice The sender (`actor`, still custodian) took the lot back before `recipient` answered;
    /// it is active again.
    event LotHandoffCancelled(
        bytes32 indexed lotId, address indexed actor, address indexed recipient, bytes32 payloadHash
    );

    /// @notice The lot was used up as an input of a split, merge or transformation.
    event LotConsumed(bytes32 indexed lotId, address indexed actor, LineageKind kind);

    /**
     * @notice A lot was made from `parentIds` by a split, merge or transformation; `actor` is its
     * custodian and producer. The parents' `LotConsumed` events come first in the same transaction.
     */
    event LotDerived(
        bytes32 indexed lotId,
        address indexed actor,
        LineageKind kind,
        uint64 gtin,
        bytes20 lotCode,
        bytes32 payloadHash,
        bytes32 serialsRoot,
        bytes32[] parentIds
    );

    /// @notice A lot received from a supplier that is not on LotLedger was registered by its first
    /// receiver on LotLedger, `actor`, now its custodian. It has no producer on the ledger.
    event LotReceived(
        bytes32 indexed lotId, address indexed actor, uint64 gtin, bytes20 lotCode, bytes32 payloadHash
    );

    /// @notice `actor` anchored the Merkle root of `eventCount` EPCIS event hash IDs it captured.
    event EpcisEventsAnchored(
        address indexed actor, bytes32 root, uint32 eventCount, bytes32 payloadHash
    );

    /// @notice A tracking event (cooling, inspection, sensor batch, ...) was recorded on the lot.
    event LotEventRecorded(
        bytes32 indexed lotId, address indexed actor, bytes32 indexed eventType, bytes32 payloadHash
    );

    /// @notice The Merkle root of a batch of `readingCount` sensor readings was anchored to the lot.
    event LotReadingsAnchored(
        bytes32 indexed lotId, address indexed actor, bytes32 merkleRoot, uint32 readingCount
    );

    /// @notice The lot was recalled; it cannot move until the recall is lifted.
    event LotRecalled(bytes32 indexed lotId, address indexed actor, bytes32 reasonHash);

    /// @notice The recall was lifted; the lot is back in `restoredStatus`, its status before the recall.
    event LotRecallLifted(
        bytes32 indexed lotId, address indexed actor, LotStatus restoredStatus, bytes32 reasonHash
    );

    /// @notice `account` may now register lots of GTINs carrying this GS1 company prefix; `sender` is
    /// the prefix admin who granted it. A prefix is `digits` long, leading zeros included.
    event CompanyPrefixGranted(
        address indexed account, uint64 prefix, uint8 digits, address indexed sender
    );

    /// @notice `account` may no longer register lots under this GS1 company prefix.
    event CompanyPrefixRevoked(
        address indexed account, uint64 prefix, uint8 digits, address indexed sender
    );

    /**
     * @notice `actor` shipped the lots to `recipient` in one transaction (a batched handoff): each is in
     * transit as after LotHandedOff. `shipment` numbers it on-chain; its payload names the logistic
     * units (SSCCs), the reference document and LotLedger's id of the shipment.
     */
    event ShipmentHandedOff(
        uint32 indexed shipment,
        address indexed actor,
        address indexed recipient,
        bytes32[] lotIds,
        bytes32 payloadHash
    );

    /**
     * @notice The recipient (`actor`) received lots of a shipment `from` their custodian, as
     * LotHandoffAccepted does for each. `lotIds` lists them when part of the shipment (a pallet) was
     * received; it is empty when the whole shipment was (`acceptShipment`): every lot its
     * ShipmentHandedOff listed.
     */
    event ShipmentAccepted(
        uint32 indexed shipment,
        address indexed actor,
        address indexed from,
        bytes32[] lotIds,
        bytes32 payloadHash
    );

    /// @notice The recipient (`actor`) refused lots of a shipment; each is active again with `from`,
    /// as after LotHandoffRejected. `lotIds` is empty when the whole shipment was refused.
    event ShipmentRejected(
        uint32 indexed shipment,
        address indexed actor,
        address indexed from,
        bytes32[] lotIds,
        bytes32 payloadHash
    );

    /// @notice `actor` packed the lots on the logistic unit (pallet, case) with this SSCC: an EPCIS
    /// aggregation. `contentsRoot` is the Merkle root of the contents its payload lists.
    event LogisticUnitPacked(
        uint64 indexed sscc,
        address indexed actor,
        bytes32 contentsRoot,
        bytes32[] lotIds,
        bytes32 payloadHash
    );

    /// @notice `actor` took the lots off the logistic unit (disaggregation); its SSCC is never used again.
    event LogisticUnitUnpacked(
        uint64 indexed sscc, address indexed actor, bytes32[] lotIds, bytes32 payloadHash
    );

    /// @notice The traceability lot code (GTIN + lot code) is already registered.
    error LotTrackerLotExists(bytes32 lotId);
    /// @notice A member holds the GTIN's company prefix: only it registers lots of that GTIN.
    error LotTrackerGtinOnLedger(uint64 gtin);
    /// @notice An anchored batch of EPCIS events has no root or no events.
    error LotTrackerEmptyEventBatch();
    /// @notice The GTIN is zero or longer than 14 digits.
    error LotTrackerInvalidGtin(uint64 gtin);
    /// @notice The lot code is all zero bytes.
    error LotTrackerEmptyLotCode();
    /// @notice The lot code is not printable ASCII (0x21 to 0x7E) followed only by zero bytes.
    error LotTrackerInvalidLotCode(bytes20 lotCode);
    /// @notice The account holds no GS1 company prefix of the GTIN, so it cannot register its lots.
    error LotTrackerUnauthorizedGtin(uint64 gtin, address account);
    /// @notice A GS1 company prefix is 6 to 12 digits: `prefix` must be below 10^`digits`.
    error LotTrackerInvalidCompanyPrefix(uint64 prefix, uint8 digits);
    /// @notice No lot has this id.
    error LotTrackerUnknownLot(bytes32 lotId);
    /// @notice The account holds none of the custody roles (PRODUCER, CARRIER, RETAILER).
    error LotTrackerMissingCustodyRole(address account);
    /// @notice The account is not the lot's custodian.
    error LotTrackerNotCustodian(bytes32 lotId, address account);
    /// @notice The lot's status does not allow this operation.
    error LotTrackerUnexpectedStatus(bytes32 lotId, LotStatus status);
    /// @notice The recipient is the sender, or holds none of the custody roles.
    error LotTrackerInvalidRecipient(bytes32 lotId, address recipient);
    /// @notice The account is not the recipient the lot was handed off to.
    error LotTrackerNotRecipient(bytes32 lotId, address account);
    /// @notice Too few inputs or outputs: a split needs 2+ outputs, a merge 2+ inputs, a transform 1+ each.
    error LotTrackerInvalidLotCount(uint256 inputs, uint256 outputs);
    /// @notice The tracking event type is all zero bytes.
    error LotTrackerEmptyEventType();
    /// @notice The Merkle root is zero or the batch holds no readings.
    error LotTrackerEmptyReadingBatch();
    /// @notice The reason hash of a recall or of its lifting is zero.
    error LotTrackerEmptyReason();
    /// @notice Only a RETAILER, a REGULATOR or the lot's producer can recall it.
    error LotTrackerUnauthorizedRecall(bytes32 lotId, address account);
    /// @notice Only a REGULATOR or the account that recalled the lot can lift its recall.
    error LotTrackerUnauthorizedLift(bytes32 lotId, address account);
    /// @notice A shipment or logistic unit names no lots, or a logistic unit no contents root.
    error LotTrackerEmptyBatch();
    /// @notice The shipment is not in transit: unknown, or answered whole already.
    error LotTrackerShipmentNotInTransit(uint32 shipment);
    /// @notice The account is not the recipient of the shipment.
    error LotTrackerNotShipmentRecipient(uint32 shipment, address account);
    /// @notice Lots of the shipment were received, refused, taken back or recalled on their own, so it
    /// can no longer be answered whole: `linkedCount` of its `lotCount` lots are left, to answer by lot.
    error LotTrackerShipmentChanged(uint32 shipment, uint32 linkedCount, uint32 lotCount);
    /// @notice The lots of one shipment answer must all come from the same custodian, unlike this one.
    error LotTrackerMixedSenders(bytes32 lotId, address custodian);
    /// @notice An SSCC is 1 to 18 digits (leading zeros implied).
    error LotTrackerInvalidSscc(uint64 sscc);
    /// @notice The account holds no GS1 company prefix of the SSCC, so it cannot issue it.
    error LotTrackerUnauthorizedSscc(uint64 sscc, address account);
    /// @notice The SSCC was packed before: an SSCC is never reused.
    error LotTrackerUnitExists(uint64 sscc);
    /// @notice No logistic unit is packed under this SSCC (never packed, or unpacked already).
    error LotTrackerUnitNotPacked(uint64 sscc);
    /// @notice The lots named are not exactly those packed on the unit, in the same order.
    error LotTrackerWrongUnitContents(uint64 sscc);
}
