package dev.latchkey.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedDevicesTest {

    @Test
    void ipv4RangesContainTheirAddressesOnly() {
        SharedDevices.Network branch = SharedDevices.parse("10.20.0.0/16").orElseThrow();
        assertThat(branch.contains(SharedDevices.literal("10.20.255.7").orElseThrow())).isTrue();
        assertThat(branch.contains(SharedDevices.literal("10.21.0.1").orElseThrow())).isFalse();
        assertThat(branch.contains(SharedDevices.literal("::1").orElseThrow())).isFalse();
        assertThat(SharedDevices.parse("192.0.2.5").orElseThrow()
                .contains(SharedDevices.literal("192.0.2.5").orElseThrow())).isTrue();
    }

    @Test
    void ipv6RangesWork() {
        SharedDevices.Network net = SharedDevices.parse("2001:db8::/48").orElseThrow();
        assertThat(net.contains(SharedDevices.literal("2001:db8:0:ffff::1").orElseThrow())).isTrue();
        assertThat(net.contains(SharedDevices.literal("2001:db9::1").orElseThrow())).isFalse();
    }

    @Test
    void malformedEntriesAreIgnoredAndNamesAreNeverResolved() {
        assertThat(SharedDevices.parse("10.0.0.0/33")).isEmpty();
        assertThat(SharedDevices.parse("branch.example.com/24")).isEmpty();
        assertThat(SharedDevices.parse("10.0.0.0/x")).isEmpty();
        assertThat(SharedDevices.literal("localhost")).isEmpty();
    }
}
