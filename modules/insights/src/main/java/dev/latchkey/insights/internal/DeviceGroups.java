package dev.latchkey.insights.internal;

import dev.latchkey.identity.api.Device;
import dev.latchkey.identity.api.Devices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * The device group a nudge is reported under: the device's platform as identity names it
 * ("iPhone", "Windows", ...), or "Unknown" for a device forgotten since.
 */
@ApplicationScoped
class DeviceGroups {

    static final String UNKNOWN = "Unknown";

    @Inject
    Devices devices;

    String of(UUID accountId, UUID deviceId) {
        return devices.of(accountId).stream().filter(d -> d.id().equals(deviceId)).findFirst()
                .map(DeviceGroups::group).orElse(UNKNOWN);
    }

    static String group(Device device) {
        String platform = device.platform() == null || device.platform().isBlank() ? UNKNOWN : device.platform();
        return platform.length() > 40 ? platform.substring(0, 40) : platform;
    }
}
