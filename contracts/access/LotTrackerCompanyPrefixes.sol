// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ILotTracker} from "../interfaces/ILotTracker.sol";
import {LotTrackerRoles} from "./LotTrackerRoles.sol";

/**
 * @title LotTrackerCompanyPrefixes
 * @notice Which GS1 company prefixes each account may register lots under. A GTIN belongs to the
 * brand that licensed its company prefix from GS1: without this registry any producer could register
 * lot codes under another brand's GTIN. The operator, holding PREFIX_ADMIN_ROLE, grants a prefix
 * after checking the organisation's GS1 licence; a brand may have it granted to its co-packers too,
 * so a prefix, like a role, can be held by several accounts.
 * @dev A prefix is 6 to 12 digits, leading zeros included, so it is stored as the key
 * `digits << 40 | value` (10^12 < 2^40). A GTIN-14 carries it right after its indicator digit
 * (GTIN-13, -12 and -8 are the same number left-padded with zeros). Most organisations hold one
 * prefix: the first one an account is granted sits in its Participant slot, which a lot registration
 * reads anyway for the roles, so checking it costs no storage read; further prefixes sit in a
 * mapping, looked up only for the lengths the account holds (`prefixDigits`).
 */
abstract contract LotTrackerCompanyPrefixes is ILotTracker, LotTrackerRoles {
    bytes32 public constant PREFIX_ADMIN_ROLE = keccak256("PREFIX_ADMIN_ROLE");

    uint256 private constant _MIN_DIGITS = 6;
    uint256 private constant _MAX_DIGITS = 12;
    /// @dev The GTIN-14's 13 digits after its indicator digit: `gtin % _GTIN_BODY`.
    uint256 private constant _GTIN_BODY = 1e13;
    uint256 private constant _VALUE_BITS = 40;
    /// @dev An SSCC is 18 digits; `sscc % _SSCC_BODY` drops its extension digit.
    uint64 private constant _MAX_SSCC = 999_999_999_999_999_999;
    uint64 private constant _SSCC_BODY = 1e17;

    /// @dev Every prefix an account holds but its `firstPrefix`, by key.
    mapping(address account => mapping(uint48 key => bool)) private _morePrefixes;
    /// @dev How many of those each length has, so a revocation knows when to clear its bit.
    mapping(address account => mapping(uint256 digits => uint256)) private _morePrefixCounts;
    /// @dev How many accounts hold each prefix, by key: whether a GTIN belongs to a member at all.
    mapping(uint48 key => uint256) private _prefixHolderCounts;

    /**
     * @notice Lets `account` register lots of every GTIN carrying this GS1 company prefix.
     * Granting a prefix the account holds already does nothing.
     * @param prefix The prefix's digits as a number (leading zeros are given by `digits`).
     * @param digits The prefix's length, 6 to 12.
     */
    function grantCompanyPrefix(address account, uint64 prefix, uint8 digits)
        external
        onlyRole(PREFIX_ADMIN_ROLE)
    {
        uint48 key = _checkedKeyOf(prefix, digits);
        uint48 first = _participant(account).firstPrefix;
        if (first == key || _morePrefixes[account][key]) return;
        ++_prefixHolderCounts[key];
        if (first == 0) {
            _setFirstPrefix(account, key);
        } else {
            _morePrefixes[account][key] = true;
            if (_morePrefixCounts[account][digits]++ == 0) {
                _setPrefixDigits(account, _bitOf(digits), true);
            }
        }
        emit CompanyPrefixGranted(account, prefix, digits, _msgSender());
    }

    /**
     * @notice Withdraws a GS1 company prefix from `account`; lots it registered stay. Revoking a
     * prefix the account does not hold does nothing.
     */
    function revokeCompanyPrefix(address account, uint64 prefix, uint8 digits)
        external
        onlyRole(PREFIX_ADMIN_ROLE)
    {
        uint48 key = _checkedKeyOf(prefix, digits);
        if (_participant(account).firstPrefix == key) {
            _setFirstPrefix(account, 0);
        } else if (_morePrefixes[account][key]) {
            _morePrefixes[account][key] = false;
            if (--_morePrefixCounts[account][digits] == 0) {
                _setPrefixDigits(account, _bitOf(digits), false);
            }
        } else {
            return;
        }
        // Cannot underflow: the account held the prefix, so it was counted when granted.
        unchecked {
            --_prefixHolderCounts[key];
        }
        emit CompanyPrefixRevoked(account, prefix, digits, _msgSender());
    }

    /// @notice Whether `account` holds this GS1 company prefix.
    function hasCompanyPrefix(address account, uint64 prefix, uint8 digits)
        external
        view
        returns (bool)
    {
        uint48 key = _checkedKeyOf(prefix, digits);
        return _participant(account).firstPrefix == key || _morePrefixes[account][key];
    }

    /// @notice Whether `account` holds the GS1 company prefix of this GTIN, so may register its lots.
    function isGtinOf(address account, uint64 gtin) external view returns (bool) {
        return _holdsPrefixOf(gtin, account, _participant(account));
    }

    /// @dev Reverts unless the account holds the company prefix of the GTIN; `caller` is its
    /// Participant, read with its roles.
    function _requireCompanyPrefix(uint64 gtin, address account, Participant memory caller)
        internal
        view
    {
        if (!_holdsPrefixOf(gtin, account, caller)) revert LotTrackerUnauthorizedGtin(gtin, account);
    }

    /// @dev Reverts when any account holds the GTIN's company prefix, of whatever length: the lots of
    /// a member's GTINs are registered by that member (or its co-packers), never by a receiver.
    function _requireUnclaimedGtin(uint64 gtin) internal view {
        uint256 body = gtin % _GTIN_BODY;
        uint256 divisor = 1e7;
        for (uint256 digits = _MIN_DIGITS; digits <= _MAX_DIGITS; ++digits) {
            if (_prefixHolderCounts[_keyOf(body / divisor, digits)] != 0) {
                revert LotTrackerGtinOnLedger(gtin);
            }
            divisor /= 10;
        }
    }

    /// @dev Reverts unless `sscc` is at most 18 digits and the account holds its company prefix, which
    /// follows the extension digit as a GTIN's follows its indicator: the 13 digits after the
    /// extension digit read as a GTIN's body.
    function _requireSsccPrefix(uint64 sscc, address account, Participant memory caller)
        internal
        view
    {
        if (sscc == 0 || sscc > _MAX_SSCC) revert LotTrackerInvalidSscc(sscc);
        if (!_holdsPrefixOf((sscc % _SSCC_BODY) / 1e4, account, caller)) {
            revert LotTrackerUnauthorizedSscc(sscc, account);
        }
    }

    function _holdsPrefixOf(uint64 gtin, address account, Participant memory caller)
        private
        view
        returns (bool)
    {
        uint256 body = gtin % _GTIN_BODY;
        uint256 first = caller.firstPrefix;
        // Cannot overflow or underflow: a key's digits are 6 to 12 (so 13 - digits is 1 to 7),
        // `digits` stays within 6..13 and `divisor` within 1e7..1 because `prefixDigits` has at
        // most 7 bits (lengths 6 to 12).
        unchecked {
            if (first != 0) {
                uint256 digits = first >> _VALUE_BITS;
                uint256 value = first & ((1 << _VALUE_BITS) - 1);
                if (body / 10 ** (13 - digits) == value) return true;
            }
            uint256 lengths = caller.prefixDigits;
            if (lengths == 0) return false;
            mapping(uint48 key => bool) storage more = _morePrefixes[account];
            // body / divisor is the GTIN's first `digits` digits after the indicator.
            uint256 divisor = 1e7;
            for (uint256 digits = _MIN_DIGITS; lengths != 0; ++digits) {
                if (lengths & 1 != 0 && more[_keyOf(body / divisor, digits)]) return true;
                lengths >>= 1;
                divisor /= 10;
            }
        }
        return false;
    }

    /// @dev The key of a prefix an admin or a reader names: checked to be 6 to 12 digits.
    function _checkedKeyOf(uint64 prefix, uint8 digits) private pure returns (uint48) {
        if (digits < _MIN_DIGITS || digits > _MAX_DIGITS || prefix >= uint64(10) ** digits) {
            revert LotTrackerInvalidCompanyPrefix(prefix, digits);
        }
        return _keyOf(prefix, digits);
    }

    /// @dev Callers pass a value below 10^12 < 2^40 and 6 to 12 digits, so the key fits 44 bits.
    function _keyOf(uint256 value, uint256 digits) private pure returns (uint48) {
        return uint48((digits << _VALUE_BITS) | value);
    }

    function _bitOf(uint256 digits) private pure returns (uint8) {
        return uint8(1 << (digits - _MIN_DIGITS));
    }
}
