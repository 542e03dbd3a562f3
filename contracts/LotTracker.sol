// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {LotTrackerColdChain} from "./state/LotTrackerColdChain.sol";

/**
 * @title LotTracker
 * @notice Custody, lineage and recall status of food traceability lots (FSMA 204 TLC = GTIN + lot code).
 * @dev Storage holds only what the contract itself must enforce, packed in one slot per lot (see
 * LotTrackerState): who holds it, its status, and (as participant ids) its producer, pending
 * recipient and recaller. Everything else (payload hashes, serials roots, parent links, sensor batch
 * roots) lives in events, which the indexer reads without storage calls — this keeps each write near
 * one SSTORE. Types, events and errors are declared in ILotTracker; the handoff and lineage steps
 * that several functions share are in LotTrackerMoves; pallets and batched shipments are in
 * LotTrackerLogistics; what the EPCIS interface captures is in LotTrackerCapture; data loggers and
 * the storage rule that holds a lot are in LotTrackerDevices and LotTrackerColdChain.
 */
contract LotTracker is LotTrackerColdChain {
    /// @notice The deployer becomes the admin who grants and revokes the organisation roles, and the
    /// prefix admin who grants GS1 company prefixes.
    /// Devices sign their batches for this contract on this chain (EIP-712 domain "LotLedger LotTracker", "1").
    constructor() EIP712("LotLedger LotTracker", "1") {
        _grantRole(DEFAULT_ADMIN_ROLE, _msgSender());
        _grantRole(PREFIX_ADMIN_ROLE, _msgSender());
    }

    /**
     * @notice Registers a new traceability lot with the caller (a PRODUCER) as custodian and producer.
     * @param gtin GTIN-14 of the product, as a number (1 to 14 digits); the caller must hold its GS1
     * company prefix (LotTrackerCompanyPrefixes).
     * @param lotCode Lot code (GS1 AI 10): printable ASCII (0x21 to 0x7E) right-padded with zero
     * bytes.
     * @param payloadHash keccak256 of the off-chain event payload (the CTE's key data elements).
     * @param serialsRoot Merkle root of the lot's package serials, or zero when not serialised.
     * @return lotId The lot's id, `lotIdOf(gtin, lotCode)`.
     */
    function createLot(uint64 gtin, bytes20 lotCode, bytes32 payloadHash, bytes32 serialsRoot)
        external
        returns (bytes32 lotId)
    {
        address account = _msgSender();
        Participant memory caller = _requireProducer(account);
        lotId = _registerLot(gtin, lotCode, account, caller);
        emit LotCreated(lotId, account, gtin, lotCode, payloadHash, serialsRoot);
    }

    /**
     * @notice Ships an active lot the caller holds to `recipient`; the lot is in transit until the
     * recipient accepts or rejects it. The caller stays custodian until then.
     * @param recipient Another account holding a custody role (PRODUCER, CARRIER or RETAILER).
     * @param payloadHash keccak256 of the shipping CTE's payload.
     */
    function handoff(bytes32 lotId, address recipient, bytes32 payloadHash) external {
        address account = _msgSender();
        _requireCustodyRole(account);
        _handoff(lotId, _heldLot(lotId, account), account, recipient, payloadHash);
    }

    /**
     * @notice Ships part of an active lot the caller (a PRODUCER) holds, in one transaction: splits the
     * lot into the shipped part and the remainder (both held by the caller, as `split` does), then
     * hands the shipped part off to `recipient` (as `handoff` does). Emits LotConsumed, LotDerived for
     * each part, then LotHandedOff for the shipped part.
     * @param shipped The new lot that travels; its quantity is in the off-chain payload.
     * @param remainder The new lot that stays with the caller.
     * @param recipient Another account holding a custody role (PRODUCER, CARRIER or RETAILER).
     * @param payloadHash keccak256 of the shipping CTE's payload, which also names both parts.
     * @return shippedId The shipped part's lot id, in transit to `recipient`.
     * @return remainderId The remainder's lot id, active with the caller.
     */
    function handoffPart(
        bytes32 lotId,
        NewLot calldata shipped,
        NewLot calldata remainder,
        address recipient,
        bytes32 payloadHash
    ) external returns (bytes32 shippedId, bytes32 remainderId) {
        bytes32[] memory inputIds = new bytes32[](1);
        inputIds[0] = lotId;
        NewLot[] memory outputs = new NewLot[](2);
        outputs[0] = shipped;
        outputs[1] = remainder;
        bytes32[] memory outputIds = _derive(LineageKind.Split, inputIds, outputs, payloadHash);
        (shippedId, remainderId) = (outputIds[0], outputIds[1]);
        address account = _msgSender();
        _handoff(shippedId, _heldLot(shippedId, account), account, recipient, payloadHash);
    }

    /**
     * @notice The sender takes back a lot it shipped before the recipient answered: the lot is active
     * again with the caller, who was its custodian all along, and has no pending recipient.
     * @dev Needs a custody role, as `handoff` does. A sender whose roles were revoked mid-transit
     * cannot cancel; the recipient can still accept or reject, so the lot is never stranded.
     * A recalled lot cannot be taken back until the recall is lifted (its status is not InTransit).
     * @param payloadHash keccak256 of the cancellation's payload (reason, location, time).
     */
    function cancelHandoff(bytes32 lotId, bytes32 payloadHash) external {
        address account = _msgSender();
        _requireCustodyRole(account);
        Lot storage lot = _heldLot(lotId, account);
        _requireStatus(lotId, lot.status, LotStatus.InTransit);
        address recipient = _accountOf(lot.recipient);
        lot.status = LotStatus.Active;
        lot.recipient = 0;
        emit LotHandoffCancelled(lotId, account, recipient, payloadHash);
    }

    /**
     * @notice The named recipient takes custody of a lot in transit.
     * @param payloadHash keccak256 of the receiving CTE's payload.
     */
    function acceptHandoff(bytes32 lotId, bytes32 payloadHash) external {
        address account = _msgSender();
        Participant memory caller = _requireCustodyRole(account);
        Lot storage lot = _inTransitTo(lotId, account, caller.id);
        _requireNotOnHold(lotId, lot);
        address from = lot.custodian;
        lot.custodian = account;
        lot.status = LotStatus.Active;
        lot.recipient = 0;
        emit LotHandoffAccepted(lotId, account, from, payloadHash);
    }

    /**
     * @notice The named recipient refuses a lot in transit; it is active again with the sender.
     * @dev Needs no role: refusing only returns the lot to its custodian, so an organisation whose
     * roles were revoked mid-transit can still send goods back and no lot is stranded in transit.
     * @param payloadHash keccak256 of the refusal's payload (reason, location, time).
     */
    function rejectHandoff(bytes32 lotId, bytes32 payloadHash) external {
        address account = _msgSender();
        Lot storage lot = _inTransitTo(lotId, account, _participant(account).id);
        lot.status = LotStatus.Active;
        lot.recipient = 0;
        emit LotHandoffRejected(lotId, account, lot.custodian, payloadHash);
    }

    /**
     * @notice Splits an active lot the caller (a PRODUCER) holds into 2 or more new lots it will hold.
     * @param outputs New traceability lot codes, of the same or of other GTINs.
     * @param payloadHash keccak256 of the CTE payload (quantities of each output, location, time).
     * @return outputIds The new lots' ids, in the order of `outputs`.
     */
    function split(bytes32 lotId, NewLot[] calldata outputs, bytes32 payloadHash)
        external
        returns (bytes32[] memory outputIds)
    {
        bytes32[] memory inputIds = new bytes32[](1);
        inputIds[0] = lotId;
        return _derive(LineageKind.Split, inputIds, outputs, payloadHash);
    }

    /**
     * @notice Merges 2 or more active lots the caller (a PRODUCER) holds into one new lot.
     * @param payloadHash keccak256 of the CTE payload (quantity used of each input, location, time).
     * @return outputId The new lot's id.
     */
    function merge(bytes32[] calldata lotIds, NewLot calldata output, bytes32 payloadHash)
        external
        returns (bytes32 outputId)
    {
        NewLot[] memory outputs = new NewLot[](1);
        outputs[0] = output;
        return _derive(LineageKind.Merge, lotIds, outputs, payloadHash)[0];
    }

    /**
     * @notice Transforms 1 or more active lots the caller (a PRODUCER) holds into 1 or more new lots
     * (FSMA 204 transformation: packing, processing, repacking).
     * @param payloadHash keccak256 of the transformation CTE's payload.
     * @return outputIds The new lots' ids, in the order of `outputs`.
     */
    function transform(bytes32[] calldata lotIds, NewLot[] calldata outputs, bytes32 payloadHash)
        external
        returns (bytes32[] memory outputIds)
    {
        return _derive(LineageKind.Transform, lotIds, outputs, payloadHash);
    }

    /**
     * @notice Records a tracking event on a lot the caller holds (active, in transit or recalled).
     * @param eventType The CTE or event type, ASCII right-padded with zero bytes (e.g. "cooling").
     * @param payloadHash keccak256 of the event's payload.
     */
    function recordEvent(bytes32 lotId, bytes32 eventType, bytes32 payloadHash) external {
        address account = _msgSender();
        _requireCustodyRole(account);
        _requireTrackable(lotId, account);
        if (eventType == bytes32(0)) revert LotTrackerEmptyEventType();
        emit LotEventRecorded(lotId, account, eventType, payloadHash);
    }

    /**
     * @notice Anchors the Merkle root of a batch of sensor readings to a lot the caller holds
     * (active, in transit or recalled). The readings stay off-chain; each is proven by a Merkle proof.
     * @param merkleRoot Root of the batch's readings tree.
     * @param readingCount How many readings (leaves) the tree holds.
     */
    function anchorReadings(bytes32 lotId, bytes32 merkleRoot, uint32 readingCount) external {
        address account = _msgSender();
        _requireCustodyRole(account);
        _requireTrackable(lotId, account);
        if (merkleRoot == bytes32(0) || readingCount == 0) revert LotTrackerEmptyReadingBatch();
        emit LotReadingsAnchored(lotId, account, merkleRoot, readingCount);
    }

    /**
     * @notice Recalls a lot that is active, in transit or already consumed. Allowed to a RETAILER, a
     * REGULATOR, or the PRODUCER that created the lot. Lots made from it are found by the off-chain
     * trace and are not changed here.
     * @param reasonHash keccak256 of the recall notice.
     */
    function recall(bytes32 lotId, bytes32 reasonHash) external {
        address account = _msgSender();
        Participant memory caller = _participant(account);
        Lot storage lot = _existingLot(lotId);
        bool isProducer = caller.roles & _PRODUCER != 0 && caller.id == lot.producer;
        if (caller.roles & (_RETAILER | _REGULATOR) == 0 && !isProducer) {
            revert LotTrackerUnauthorizedRecall(lotId, account);
        }
        if (reasonHash == bytes32(0)) revert LotTrackerEmptyReason();
        LotStatus status = lot.status;
        if (status == LotStatus.Recalled) revert LotTrackerUnexpectedStatus(lotId, status);
        lot.statusBeforeRecall = status;
        lot.status = LotStatus.Recalled;
        lot.recaller = caller.id;
        emit LotRecalled(lotId, account, reasonHash);
    }

    /**
     * @notice Lifts a recall: the lot returns to its status before the recall (a handoff that was
     * pending resumes). Allowed to a REGULATOR, or to the account that recalled the lot while it still
     * holds a role that can recall.
     * @param reasonHash keccak256 of the notice lifting the recall.
     */
    function liftRecall(bytes32 lotId, bytes32 reasonHash) external {
        address account = _msgSender();
        Participant memory caller = _participant(account);
        Lot storage lot = _existingLot(lotId);
        _requireStatus(lotId, lot.status, LotStatus.Recalled);
        bool isRecaller = caller.id == lot.recaller
            && caller.roles & (_PRODUCER | _RETAILER | _REGULATOR) != 0;
        if (caller.roles & _REGULATOR == 0 && !isRecaller) {
            revert LotTrackerUnauthorizedLift(lotId, account);
        }
        if (reasonHash == bytes32(0)) revert LotTrackerEmptyReason();
        LotStatus restored = lot.statusBeforeRecall;
        lot.status = restored;
        lot.statusBeforeRecall = LotStatus.None;
        lot.recaller = 0;
        emit LotRecallLifted(lotId, account, restored, reasonHash);
    }
}
