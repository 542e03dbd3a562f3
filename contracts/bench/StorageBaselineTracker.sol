// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/**
 * @title StorageBaselineTracker
 * @notice The naive design LotTracker is measured against (`npm run bench:gas`); not deployed by the app.
 * @dev A struct per lot and a struct per event in storage, every field kept, readable with view calls
 * and no indexer: the first design most teams write. It enforces the same rules as LotTracker for the
 * journey the benchmark runs (roles, custody, two-step handoff, lineage, recall), with plain `onlyRole`
 * checks, and keeps each sensor reading as its own struct, since without Merkle batching that is how
 * a reading stays verifiable on-chain. It emits no events, which only makes it cheaper.
 */
contract StorageBaselineTracker is AccessControl {
    bytes32 public constant PRODUCER_ROLE = keccak256("PRODUCER_ROLE");
    bytes32 public constant CARRIER_ROLE = keccak256("CARRIER_ROLE");
    bytes32 public constant RETAILER_ROLE = keccak256("RETAILER_ROLE");
    bytes32 public constant REGULATOR_ROLE = keccak256("REGULATOR_ROLE");

    enum LotStatus {
        None,
        Active,
        InTransit,
        Recalled,
        Consumed
    }

    enum EventKind {
        Created,
        HandedOff,
        Accepted,
        Consumed,
        Derived,
        Recalled,
        Cancelled
    }

    struct NewLot {
        uint64 gtin;
        bytes20 lotCode;
        bytes32 serialsRoot;
    }

    struct Lot {
        address custodian;
        LotStatus status;
        uint64 gtin;
        bytes20 lotCode;
        uint64 createdAt;
        address producer;
        address pendingRecipient;
        bytes32 serialsRoot;
        bytes32[] parents;
        bytes32[] children;
    }

    struct TraceEvent {
        EventKind kind;
        address actor;
        uint64 timestamp;
        bytes32 payloadHash;
    }

    struct SensorReading {
        address recorder;
        uint64 timestamp;
        bytes32 readingHash;
    }

    mapping(bytes32 lotId => Lot) public lots;
    mapping(bytes32 lotId => TraceEvent[]) public history;
    mapping(bytes32 lotId => SensorReading[]) public readings;

    error BaselineUnauthorized(bytes32 lotId, address account);
    error BaselineInvalidLot(bytes32 lotId);

    constructor() {
        _grantRole(DEFAULT_ADMIN_ROLE, _msgSender());
    }

    /// @notice Registers a lot, as LotTracker.createLot.
    function createLot(uint64 gtin, bytes20 lotCode, bytes32 payloadHash, bytes32 serialsRoot)
        external
        onlyRole(PRODUCER_ROLE)
        returns (bytes32 lotId)
    {
        lotId = _newLot(gtin, lotCode, serialsRoot);
        _record(lotId, EventKind.Created, payloadHash);
    }

    /// @notice Ships a held lot to `recipient`, as LotTracker.handoff.
    function handoff(bytes32 lotId, address recipient, bytes32 payloadHash) external {
        Lot storage lot = _held(lotId, LotStatus.Active);
        if (!_isCustodyParty(recipient) || recipient == msg.sender) {
            revert BaselineUnauthorized(lotId, recipient);
        }
        lot.status = LotStatus.InTransit;
        lot.pendingRecipient = recipient;
        _record(lotId, EventKind.HandedOff, payloadHash);
    }

    /// @notice Takes custody of a lot handed off to the caller, as LotTracker.acceptHandoff.
    function acceptHandoff(bytes32 lotId, bytes32 payloadHash) external {
        Lot storage lot = lots[lotId];
        if (lot.status != LotStatus.InTransit || lot.pendingRecipient != msg.sender) {
            revert BaselineUnauthorized(lotId, msg.sender);
        }
        if (!_isCustodyParty(msg.sender)) revert BaselineUnauthorized(lotId, msg.sender);
        lot.custodian = msg.sender;
        lot.status = LotStatus.Active;
        lot.pendingRecipient = address(0);
        _record(lotId, EventKind.Accepted, payloadHash);
    }

    /// @notice Takes back a lot the caller shipped, as LotTracker.cancelHandoff.
    function cancelHandoff(bytes32 lotId, bytes32 payloadHash) external {
        Lot storage lot = _held(lotId, LotStatus.InTransit);
        lot.status = LotStatus.Active;
        lot.pendingRecipient = address(0);
        _record(lotId, EventKind.Cancelled, payloadHash);
    }

    /// @notice Splits a held lot in two and ships the first part, as LotTracker.handoffPart.
    function handoffPart(
        bytes32 lotId,
        NewLot calldata shipped,
        NewLot calldata remainder,
        address recipient,
        bytes32 payloadHash
    ) external onlyRole(PRODUCER_ROLE) returns (bytes32 shippedId, bytes32 remainderId) {
        bytes32[] memory inputIds = new bytes32[](1);
        inputIds[0] = lotId;
        NewLot[] memory outputs = new NewLot[](2);
        outputs[0] = shipped;
        outputs[1] = remainder;
        bytes32[] memory outputIds = _derive(inputIds, outputs, payloadHash);
        (shippedId, remainderId) = (outputIds[0], outputIds[1]);
        if (!_isCustodyParty(recipient) || recipient == msg.sender) {
            revert BaselineUnauthorized(shippedId, recipient);
        }
        Lot storage lot = lots[shippedId];
        lot.status = LotStatus.InTransit;
        lot.pendingRecipient = recipient;
        _record(shippedId, EventKind.HandedOff, payloadHash);
    }

    /// @notice Splits a held lot, as LotTracker.split.
    function split(bytes32 lotId, NewLot[] calldata outputs, bytes32 payloadHash)
        external
        onlyRole(PRODUCER_ROLE)
        returns (bytes32[] memory outputIds)
    {
        bytes32[] memory inputIds = new bytes32[](1);
        inputIds[0] = lotId;
        return _derive(inputIds, outputs, payloadHash);
    }

    /// @notice Merges held lots into one, as LotTracker.merge.
    function merge(bytes32[] calldata lotIds, NewLot calldata output, bytes32 payloadHash)
        external
        onlyRole(PRODUCER_ROLE)
        returns (bytes32)
    {
        NewLot[] memory outputs = new NewLot[](1);
        outputs[0] = output;
        return _derive(lotIds, outputs, payloadHash)[0];
    }

    /// @notice Transforms held lots into new lots, as LotTracker.transform.
    function transform(bytes32[] calldata lotIds, NewLot[] calldata outputs, bytes32 payloadHash)
        external
        onlyRole(PRODUCER_ROLE)
        returns (bytes32[] memory)
    {
        return _derive(lotIds, outputs, payloadHash);
    }

    /// @notice Stores each sensor reading of a held lot as its own struct.
    function recordReadings(bytes32 lotId, bytes32[] calldata readingHashes) external {
        _held(lotId, LotStatus.Active);
        SensorReading[] storage stored = readings[lotId];
        for (uint256 i = 0; i < readingHashes.length; ++i) {
            stored.push(SensorReading(msg.sender, uint64(block.timestamp), readingHashes[i]));
        }
    }

    /// @notice Recalls a lot, as LotTracker.recall.
    function recall(bytes32 lotId, bytes32 reasonHash) external {
        Lot storage lot = lots[lotId];
        if (lot.status == LotStatus.None || lot.status == LotStatus.Recalled) {
            revert BaselineInvalidLot(lotId);
        }
        bool allowed = hasRole(RETAILER_ROLE, msg.sender) || hasRole(REGULATOR_ROLE, msg.sender)
            || lot.producer == msg.sender;
        if (!allowed) revert BaselineUnauthorized(lotId, msg.sender);
        lot.status = LotStatus.Recalled;
        _record(lotId, EventKind.Recalled, reasonHash);
    }

    function _derive(bytes32[] memory inputIds, NewLot[] memory outputs, bytes32 payloadHash)
        private
        returns (bytes32[] memory outputIds)
    {
        for (uint256 i = 0; i < inputIds.length; ++i) {
            _held(inputIds[i], LotStatus.Active).status = LotStatus.Consumed;
            _record(inputIds[i], EventKind.Consumed, payloadHash);
        }
        outputIds = new bytes32[](outputs.length);
        for (uint256 i = 0; i < outputs.length; ++i) {
            bytes32 outputId = _newLot(outputs[i].gtin, outputs[i].lotCode, outputs[i].serialsRoot);
            outputIds[i] = outputId;
            for (uint256 j = 0; j < inputIds.length; ++j) {
                lots[outputId].parents.push(inputIds[j]);
                lots[inputIds[j]].children.push(outputId);
            }
            _record(outputId, EventKind.Derived, payloadHash);
        }
    }

    function _newLot(uint64 gtin, bytes20 lotCode, bytes32 serialsRoot)
        private
        returns (bytes32 lotId)
    {
        lotId = keccak256(abi.encode(gtin, lotCode));
        Lot storage lot = lots[lotId];
        if (gtin == 0 || lotCode == bytes20(0) || lot.status != LotStatus.None) {
            revert BaselineInvalidLot(lotId);
        }
        lot.custodian = msg.sender;
        lot.status = LotStatus.Active;
        lot.gtin = gtin;
        lot.lotCode = lotCode;
        lot.createdAt = uint64(block.timestamp);
        lot.producer = msg.sender;
        lot.serialsRoot = serialsRoot;
    }

    function _record(bytes32 lotId, EventKind kind, bytes32 payloadHash) private {
        history[lotId].push(TraceEvent(kind, msg.sender, uint64(block.timestamp), payloadHash));
    }

    function _held(bytes32 lotId, LotStatus status) private view returns (Lot storage lot) {
        lot = lots[lotId];
        if (lot.custodian != msg.sender || lot.status != status || !_isCustodyParty(msg.sender)) {
            revert BaselineUnauthorized(lotId, msg.sender);
        }
    }

    function _isCustodyParty(address account) private view returns (bool) {
        return hasRole(PRODUCER_ROLE, account) || hasRole(CARRIER_ROLE, account)
            || hasRole(RETAILER_ROLE, account);
    }
}
