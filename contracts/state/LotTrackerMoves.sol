// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {LotTrackerState} from "./LotTrackerState.sol";

/**
 * @title LotTrackerMoves
 * @notice The steps LotTracker's functions share: a handoff (handoff, handoffPart) and the consuming
 * of inputs into new lots (split, merge, transform, handoffPart).
 */
abstract contract LotTrackerMoves is LotTrackerState {
    /// @dev The checks and the state change of a handoff of `lot`, which `account` holds.
    function _handoff(
        bytes32 lotId,
        Lot storage lot,
        address account,
        address recipient,
        bytes32 payloadHash
    ) internal {
        _requireStatus(lotId, lot.status, LotStatus.Active);
        _requireNotOnHold(lotId, lot);
        Participant memory to = _participant(recipient);
        // The zero address is refused even if an admin granted it a role: it can never accept.
        if (recipient == account || recipient == address(0) || to.roles & _CUSTODY_ROLES == 0) {
            revert LotTrackerInvalidRecipient(lotId, recipient);
        }
        lot.status = LotStatus.InTransit;
        lot.recipient = to.id;
        emit LotHandedOff(lotId, account, recipient, payloadHash);
    }

    /// @dev Consumes every input, then registers every output with parent links to all inputs. An
    /// output can never be an existing lot (LotTrackerLotExists), so lineage cannot form a cycle.
    /// Each output is checked as createLot checks a lot: its lot code, and its GTIN's company prefix.
    function _derive(
        LineageKind kind,
        bytes32[] memory inputIds,
        NewLot[] memory outputs,
        bytes32 payloadHash
    ) internal returns (bytes32[] memory outputIds) {
        address account = _msgSender();
        Participant memory producer = _requireProducer(account);
        uint256 minInputs = kind == LineageKind.Merge ? 2 : 1;
        uint256 minOutputs = kind == LineageKind.Split ? 2 : 1;
        if (inputIds.length < minInputs || outputs.length < minOutputs) {
            revert LotTrackerInvalidLotCount(inputIds.length, outputs.length);
        }
        for (uint256 i = 0; i < inputIds.length; ++i) {
            bytes32 inputId = inputIds[i];
            Lot storage input = _heldLot(inputId, account);
            // A repeated input is refused here: its first occurrence already marked it Consumed.
            _requireStatus(inputId, input.status, LotStatus.Active);
            _requireNotOnHold(inputId, input);
            input.status = LotStatus.Consumed;
            emit LotConsumed(inputId, account, kind);
        }
        outputIds = new bytes32[](outputs.length);
        for (uint256 i = 0; i < outputs.length; ++i) {
            outputIds[i] = _deriveLot(kind, outputs[i], inputIds, payloadHash, producer);
        }
    }

    /// @dev Split out of `_derive` to keep its stack shallow enough for the event's eight fields.
    function _deriveLot(
        LineageKind kind,
        NewLot memory output,
        bytes32[] memory parentIds,
        bytes32 payloadHash,
        Participant memory producer
    ) private returns (bytes32 lotId) {
        address account = _msgSender();
        lotId = _registerLot(output.gtin, output.lotCode, account, producer);
        emit LotDerived(
            lotId,
            account,
            kind,
            output.gtin,
            output.lotCode,
            payloadHash,
            output.serialsRoot,
            parentIds
        );
    }
}
