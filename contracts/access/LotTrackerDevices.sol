// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {LotTrackerCapture} from "../state/LotTrackerCapture.sol";

/**
 * @title LotTrackerDevices
 * @notice The data loggers members register: a device is the address of its own key pair, owned by
 * the member that registered it, until that member revokes it. Its signature on a batch of readings
 * is what makes the batch the device's word, whoever sends the transaction (LotTrackerColdChain).
 * @dev One slot per device: its owner, the last batch sequence anchored, and whether it is revoked.
 * An address is registered once: a revoked device cannot come back under another owner.
 */
abstract contract LotTrackerDevices is LotTrackerCapture {
    struct Device {
        address owner;
        uint32 lastSequence;
        bool isRevoked;
    }

    mapping(address device => Device) private _devices;

    /**
     * @notice Registers a data logger of the caller's organisation (any custody role).
     * @param device The address of the logger's key pair; it signs every batch it reports.
     */
    function registerDevice(address device) external {
        address account = _msgSender();
        _requireCustodyRole(account);
        if (device == address(0) || _devices[device].owner != address(0)) {
            revert LotTrackerDeviceExists(device);
        }
        _devices[device] = Device(account, 0, false);
        emit DeviceRegistered(device, account);
    }

    /// @notice Revokes a device the caller registered: batches it signs are refused from now on.
    function revokeDevice(address device) external {
        address account = _msgSender();
        Device storage d = _devices[device];
        if (d.owner != account) revert LotTrackerNotDeviceOwner(device, account);
        if (d.isRevoked) revert LotTrackerDeviceRevoked(device);
        d.isRevoked = true;
        emit DeviceRevoked(device, account);
    }

    /// @notice A device's owner (zero when unknown), its last anchored batch sequence, and whether it
    /// is revoked.
    function deviceOf(address device)
        external
        view
        returns (address owner, uint32 lastSequence, bool isRevoked)
    {
        Device memory d = _devices[device];
        return (d.owner, d.lastSequence, d.isRevoked);
    }

    /// @dev The registered, unrevoked device that signed a batch with this sequence, which it records
    /// as its last: reverts for an unknown or revoked device, or a sequence not above its last.
    function _useDevice(address device, uint32 sequence) internal returns (address owner) {
        Device storage d = _devices[device];
        owner = d.owner;
        if (owner == address(0)) revert LotTrackerUnknownDevice(device);
        if (d.isRevoked) revert LotTrackerDeviceRevoked(device);
        uint32 last = d.lastSequence;
        if (sequence <= last) revert LotTrackerStaleBatch(device, sequence, last);
        d.lastSequence = sequence;
    }
}
