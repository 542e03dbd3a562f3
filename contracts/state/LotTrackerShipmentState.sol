// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {LotTrackerCompanyPrefixes} from "../access/LotTrackerCompanyPrefixes.sol";

/**
 * @title LotTrackerShipmentState
 * @notice The shipments of batched handoffs: who sent one to whom, how many lots it carries, and
 * whether its recipient answered it whole.
 * @dev Accepting or refusing a whole shipment writes only its slot, not one slot per lot: each lot
 * keeps a link to its shipment (LotTrackerState) and reads its custody through it until the lot is
 * next changed. `linkedCount` counts the lots still linked; a lot changed on its own while in transit
 * (received, refused or taken back alone, or recalled) leaves the shipment, and the shipment can then
 * no longer be answered whole.
 */
abstract contract LotTrackerShipmentState is LotTrackerCompanyPrefixes {
    /// @dev `None` must stay first: it is the zero value an unknown shipment reads as.
    enum ShipmentState {
        None,
        InTransit,
        Accepted,
        Rejected
    }

    /// @dev 20 + 3 + 1 + 4 + 4 = 32 bytes: one slot, so answering a whole shipment is one SSTORE.
    struct Shipment {
        address sender;
        uint24 recipient;
        ShipmentState state;
        uint32 lotCount;
        uint32 linkedCount;
    }

    /// @dev Shipments are numbered from 1, so a lot's link can hold the number in 32 bits.
    uint32 private _shipmentCount;
    mapping(uint32 shipment => Shipment) private _shipments;

    /**
     * @notice A shipment made by `handoffBatch`: its sender, its recipient, its state (1 in transit,
     * 2 accepted whole, 3 refused whole; lots answered one by one leave it), how many lots it carried
     * and how many are still linked to it.
     */
    function shipmentOf(uint32 shipment)
        external
        view
        returns (address sender, address recipient, uint8 state, uint32 lotCount, uint32 linkedCount)
    {
        Shipment memory s = _shipments[shipment];
        return (s.sender, _accountOf(s.recipient), uint8(s.state), s.lotCount, s.linkedCount);
    }

    /// @dev Opens the next shipment, in transit from `sender` to participant `recipient`.
    function _openShipment(address sender, uint24 recipient, uint32 lotCount)
        internal
        returns (uint32 shipment)
    {
        shipment = ++_shipmentCount;
        _shipments[shipment] = Shipment(sender, recipient, ShipmentState.InTransit, lotCount, lotCount);
    }

    function _shipment(uint32 shipment) internal view returns (Shipment memory) {
        return _shipments[shipment];
    }

    /// @dev Answers a whole shipment: every lot still linked to it follows its new state.
    function _closeShipment(uint32 shipment, ShipmentState state) internal {
        _shipments[shipment].state = state;
    }

    /// @dev A lot leaves its shipment while the shipment is still in transit.
    function _unlinkLot(uint32 shipment) internal {
        // Cannot underflow: a lot is unlinked at most once, and each linked lot was counted.
        unchecked {
            --_shipments[shipment].linkedCount;
        }
    }
}
