// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/**
 * @title LotTracker
 * @notice Custody and status of food traceability lots (FSMA 204 TLC = GTIN + lot code).
 * @dev Storage holds only what the contract itself must enforce: who holds a lot and its status,
 * packed in one slot per lot. Everything else (payload hashes, serials roots, lineage) lives in
 * events, which the indexer reads without storage calls — this keeps each write near one SSTORE.
 */
contract LotTracker is AccessControl {
    bytes32 public constant PRODUCER_ROLE = keccak256("PRODUCER_ROLE");
    bytes32 public constant CARRIER_ROLE = keccak256("CARRIER_ROLE");
    bytes32 public constant RETAILER_ROLE = keccak256("RETAILER_ROLE");
    bytes32 public constant REGULATOR_ROLE = keccak256("REGULATOR_ROLE");

    /// @dev A GTIN has at most 14 digits; GTIN-8/12/13 are the same number left-padded with zeros.
    uint64 private constant _MAX_GTIN = 99_999_999_999_999;

    /// @dev `None` must stay first: it is the zero value an unknown lot id reads as.
    enum LotStatus {
        None,
        Active,
        InTransit,
        Recalled,
        Consumed
    }

    /// @dev 20-byte address + 1-byte enum share one storage slot.
    struct Lot {
        address custodian;
        LotStatus status;
    }

    mapping(bytes32 lotId => Lot) private _lots;

    /// @notice A traceability lot was registered; carries every field an indexer needs.
    event LotCreated(
        bytes32 indexed lotId,
        address indexed custodian,
        uint64 gtin,
        bytes20 lotCode,
        bytes32 payloadHash,
        bytes32 serialsRoot
    );

    /// @notice The traceability lot code (GTIN + lot code) is already registered.
    error LotTrackerLotExists(bytes32 lotId);
    /// @notice The GTIN is zero or longer than 14 digits.
    error LotTrackerInvalidGtin(uint64 gtin);
    /// @notice The lot code is all zero bytes.
    error LotTrackerEmptyLotCode();

    /// @notice The deployer becomes the admin who grants and revokes the organisation roles.
    constructor() {
        _grantRole(DEFAULT_ADMIN_ROLE, _msgSender());
    }

    /**
     * @notice Registers a new traceability lot with the caller as its custodian.
     * @param gtin GTIN-14 of the product, as a number (1 to 14 digits).
     * @param lotCode Lot code (GS1 AI 10), ASCII right-padded with zero bytes.
     * @param payloadHash keccak256 of the off-chain event payload (the CTE's key data elements).
     * @param serialsRoot Merkle root of the lot's package serials, or zero when not serialised.
     * @return lotId The lot's id, `lotIdOf(gtin, lotCode)`.
     */
    function createLot(uint64 gtin, bytes20 lotCode, bytes32 payloadHash, bytes32 serialsRoot)
        external
        onlyRole(PRODUCER_ROLE)
        returns (bytes32 lotId)
    {
        if (gtin == 0 || gtin > _MAX_GTIN) revert LotTrackerInvalidGtin(gtin);
        if (lotCode == bytes20(0)) revert LotTrackerEmptyLotCode();

        lotId = lotIdOf(gtin, lotCode);
        if (_lots[lotId].status != LotStatus.None) revert LotTrackerLotExists(lotId);

        address custodian = _msgSender();
        // One struct literal so custodian and status are written with a single SSTORE.
        _lots[lotId] = Lot(custodian, LotStatus.Active);
        emit LotCreated(lotId, custodian, gtin, lotCode, payloadHash, serialsRoot);
    }

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
}
