package dev.latchkey.insights.internal;

import dev.latchkey.identity.api.Account;
import dev.latchkey.identity.api.Accounts;
import dev.latchkey.identity.api.Device;
import dev.latchkey.identity.api.Devices;
import dev.latchkey.identity.api.Invitations;
import dev.latchkey.insights.api.Cohort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * The cohort an event is counted under, from identity's api: the account's email domain, its
 * sign-up mode, and whether the device is marked shared (and the device's group, for nudges).
 * An event without a known account counts under domain '' and sign-up ''.
 */
@ApplicationScoped
class Cohorts {

    @Inject
    Accounts accounts;

    @Inject
    Invitations invitations;

    @Inject
    Devices devices;

    /** Where an event is counted: the cohort columns, and the device group (nudges). */
    record Key(String emailDomain, String signUp, boolean shared, String deviceGroup) {

        /** The key of the sign-in cohort tables, which have no device group (only the nudge tables do). */
        Key withoutDeviceGroup() {
            return deviceGroup.isEmpty() ? this : new Key(emailDomain, signUp, shared, "");
        }
    }

    /** The account's part (domain, sign-up mode), with no device. */
    record AccountPart(String emailDomain, String signUp) {
        static final AccountPart UNKNOWN = new AccountPart("", "");
    }

    AccountPart account(UUID accountId) {
        Optional<Account> account = accounts.find(accountId);
        if (account.isEmpty()) {
            return AccountPart.UNKNOWN;
        }
        String address = account.get().email() == null ? null : account.get().email().value();
        return new AccountPart(Cohort.domainOf(address),
                (invitations.redeemedBy(accountId) ? Cohort.SignUp.INVITATION : Cohort.SignUp.SELF).name());
    }

    Key of(Optional<UUID> accountId, Optional<UUID> deviceId) {
        if (accountId.isEmpty()) {
            return new Key("", "", false, DeviceGroups.UNKNOWN);
        }
        return of(account(accountId.get()), accountId.get(), deviceId);
    }

    Key of(AccountPart part, UUID accountId, Optional<UUID> deviceId) {
        Optional<Device> device = deviceId.flatMap(id -> devices.of(accountId).stream().filter(d -> d.id().equals(id)).findFirst());
        return new Key(part.emailDomain(), part.signUp(), device.map(Device::shared).orElse(false),
                device.map(DeviceGroups::group).orElse(DeviceGroups.UNKNOWN));
    }
}
