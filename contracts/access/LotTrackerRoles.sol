// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/**
 * @title LotTrackerRoles
 * @notice The organisation roles of LotTracker, and a compact mirror of them for cheap checks.
 * @dev AccessControl stays the source of truth (`hasRole`, `RoleGranted`, `RoleRevoked`). Every grant
 * and revocation also goes through `_grantRole` / `_revokeRole`, which keep a one-slot `Participant`
 * per account: a permanent id, a bitmask of its four roles and one of its company prefix lengths. A
 * check for "any of these roles" then costs one SLOAD instead of one per role, and the id (3 bytes
 * instead of an address's 20) lets a lot keep its producer, pending recipient and recaller in the
 * same storage slot as its custodian.
 */
abstract contract LotTrackerRoles is AccessControl {
    bytes32 public constant PRODUCER_ROLE = keccak256("PRODUCER_ROLE");
    bytes32 public constant CARRIER_ROLE = keccak256("CARRIER_ROLE");
    bytes32 public constant RETAILER_ROLE = keccak256("RETAILER_ROLE");
    bytes32 public constant REGULATOR_ROLE = keccak256("REGULATOR_ROLE");

    uint8 internal constant _PRODUCER = 1;
    uint8 internal constant _CARRIER = 2;
    uint8 internal constant _RETAILER = 4;
    uint8 internal constant _REGULATOR = 8;
    /// @dev Roles whose holders take custody of lots. A regulator oversees lots but never holds one.
    uint8 internal constant _CUSTODY_ROLES = _PRODUCER | _CARRIER | _RETAILER;

    /// @dev `id` is assigned on the account's first LotTracker role and never reused or cleared, so a
    /// lot's stored producer or recaller keeps naming the same account after its roles change.
    /// `firstPrefix` and `prefixDigits` are the account's GS1 company prefixes
    /// (LotTrackerCompanyPrefixes), read with its roles in the same SLOAD: the key of one prefix it
    /// holds (0 for none), and a bit `n - 6` for each length `n` of the others, kept in a mapping.
    struct Participant {
        uint24 id;
        uint8 roles;
        uint8 prefixDigits;
        uint48 firstPrefix;
    }

    mapping(address account => Participant) private _participants;
    mapping(uint24 id => address) private _accounts;
    /// @dev 16.7 million ids; checked arithmetic makes the next grant revert rather than wrap.
    uint24 private _participantCount;

    /// @dev The account's id and role bitmask; both zero for an account that never held a role.
    function _participant(address account) internal view returns (Participant memory) {
        return _participants[account];
    }

    /// @dev The account with this participant id, or the zero address for id 0.
    function _accountOf(uint24 id) internal view returns (address) {
        return _accounts[id];
    }

    /// @dev Sets or clears bits of the account's `prefixDigits`, keeping the rest of its Participant.
    function _setPrefixDigits(address account, uint8 bits, bool isHeld) internal {
        Participant storage participant = _participants[account];
        uint8 held = participant.prefixDigits;
        participant.prefixDigits = isHeld ? held | bits : held & ~bits;
    }

    /// @dev Sets the account's `firstPrefix`, keeping the rest of its Participant.
    function _setFirstPrefix(address account, uint48 key) internal {
        _participants[account].firstPrefix = key;
    }

    /// @dev Reverts like `onlyRole(PRODUCER_ROLE)`, reading the mirror instead of the role mapping.
    function _requireProducer(address account) internal view returns (Participant memory caller) {
        caller = _participants[account];
        if (caller.roles & _PRODUCER == 0) {
            revert AccessControlUnauthorizedAccount(account, PRODUCER_ROLE);
        }
    }

    function _grantRole(bytes32 role, address account)
        internal
        virtual
        override
        returns (bool granted)
    {
        granted = super._grantRole(role, account);
        uint8 flag = _roleFlag(role);
        if (granted && flag != 0) {
            Participant memory participant = _participants[account];
            if (participant.id == 0) {
                participant.id = ++_participantCount;
                _accounts[participant.id] = account;
            }
            participant.roles |= flag;
            _participants[account] = participant;
        }
    }

    function _revokeRole(bytes32 role, address account)
        internal
        virtual
        override
        returns (bool revoked)
    {
        revoked = super._revokeRole(role, account);
        uint8 flag = _roleFlag(role);
        if (revoked && flag != 0) _participants[account].roles &= ~flag;
    }

    /// @dev The mirror bit of one of the four organisation roles; 0 for any other role (the admin).
    function _roleFlag(bytes32 role) private pure returns (uint8) {
        if (role == PRODUCER_ROLE) return _PRODUCER;
        if (role == CARRIER_ROLE) return _CARRIER;
        if (role == RETAILER_ROLE) return _RETAILER;
        if (role == REGULATOR_ROLE) return _REGULATOR;
        return 0;
    }
}
