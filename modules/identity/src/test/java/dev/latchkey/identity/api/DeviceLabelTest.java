package dev.latchkey.identity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A stored label is read back into the parts that pages and mails word per language; nothing else is. */
class DeviceLabelTest {

    @ParameterizedTest
    @EnumSource(DeviceLabel.Platform.class)
    void everyPlatformsLabelIsReadBackIntoItsParts(DeviceLabel.Platform platform) {
        for (String browser : new String[] {"Chrome", DeviceLabel.ANY_BROWSER, "Samsung Internet", "Edge"}) {
            DeviceLabel label = new DeviceLabel(browser, platform);
            assertThat(DeviceLabel.read(label.stored())).contains(label);
        }
        assertThat(DeviceLabel.Platform.of(platform.stored())).contains(platform);
        assertThat(platform.key()).isEqualTo("device.platform." + platform.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Work laptop", "Firefox on FreeBSD", " on Windows", "on Windows", "Chrome on windows",
            "Chrome on Windows ", "Dad on holiday on Windows", "Chrome on", ""})
    void aNameSomeoneGaveOrAnUnknownPlatformIsNotALabel(String text) {
        assertThat(DeviceLabel.read(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "A on B"})
    void aBrowserNameThatCannotBeReadBackIsRefused(String browser) {
        assertThatThrownBy(() -> new DeviceLabel(browser, DeviceLabel.Platform.LINUX))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DeviceLabel.read(null)).isEqualTo(Optional.empty());
    }
}
