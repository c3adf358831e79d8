package dev.latchkey.nudges.internal;

import dev.latchkey.credentials.api.Passkey;
import dev.latchkey.identity.api.Capabilities;
import dev.latchkey.identity.api.Device;
import dev.latchkey.identity.api.SignInEvent;
import dev.latchkey.identity.api.SignInMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Devices, passkeys and sign-ins as identity's and credentials' APIs report them. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final UUID ACCOUNT = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final UUID GPM = UUID.fromString("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4");
    static final UUID WINDOWS_HELLO = UUID.fromString("08987058-cadc-4b81-b6e1-30de50dcbe96");
    static final UUID ZERO = new UUID(0, 0);

    private Fixtures() {
    }

    static Capabilities platform(Boolean available) {
        return new Capabilities(Optional.ofNullable(available), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Device device(String browser, String platform, String deviceClass, Boolean platformAuthenticator,
                         boolean shared, Duration lastSeenAgo) {
        return new Device(UUID.randomUUID(), ACCOUNT, browser + " on " + platform, browser, platform, deviceClass,
                NOW.minus(Duration.ofDays(100)), NOW.minus(lastSeenAgo), platform(platformAuthenticator), shared);
    }

    static Device windowsChrome() {
        return device("Chrome", "Windows", "Desktop", true, false, Duration.ofDays(2));
    }

    static Device iphoneSafari() {
        return device("Safari", "iPhone", "Phone", true, false, Duration.ofHours(1));
    }

    static Passkey passkey(UUID aaguid, boolean be, boolean bs, String attachment, List<String> transports,
                           Device createdOn, Duration createdAgo) {
        return new Passkey(UUID.randomUUID(), "cred", aaguid, transports, be, bs, true, Optional.ofNullable(attachment),
                NOW.minus(createdAgo), Optional.empty(), Optional.ofNullable(createdOn).map(Device::id),
                Optional.ofNullable(createdOn).map(Device::id));
    }

    static Passkey deviceBound(Device createdOn) {
        return passkey(ZERO, false, false, "platform", List.of("internal"), createdOn, Duration.ofDays(30));
    }

    /**
     * The devices as identity reports them after these sign-ins: each with its newest successful
     * passkey sign-in (identity keeps it with the device at every sign-in).
     */
    static List<Device> afterSignIns(List<Device> devices, List<SignInEvent> signIns) {
        return devices.stream().map(d -> d.withLastPasskeySignIn(signIns.stream()
                .filter(e -> e.succeeded() && e.method().isPasskey() && e.deviceId().equals(Optional.of(d.id())))
                .max(java.util.Comparator.comparing(SignInEvent::at))
                .map(e -> new Device.PasskeySignIn(e.method(), e.at()))
                .or(d::lastPasskeySignIn))).toList();
    }

    static SignInEvent signIn(Device device, SignInMethod method, Duration ago) {
        return new SignInEvent(Optional.of(ACCOUNT), Optional.of(device.id()), device.label(), method, true,
                Optional.empty(), NOW.minus(ago));
    }
}
