package dev.latchkey.nudges.internal;

import static dev.latchkey.nudges.internal.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.credentials.api.Passkey;
import dev.latchkey.identity.api.Device;
import dev.latchkey.identity.api.SignInEvent;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.nudges.api.CoverageReport;
import dev.latchkey.nudges.api.DeviceCoverage;
import dev.latchkey.nudges.api.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CoverageModelTest {

    private static final ProviderReach REACH = ProviderReach.load();

    /** Names as credentials' PasskeyProviders gives them (the shipped aaguid.json): nothing for the all-zero AAGUID. */
    private static final Function<UUID, Optional<String>> NAMES = aaguid -> Optional.ofNullable(
            Map.of(GPM, "Google Password Manager", WINDOWS_HELLO, "Windows Hello").get(aaguid));

    private static CoverageReport report(List<Device> devices, List<Passkey> passkeys, List<SignInEvent> signIns) {
        return report(devices, passkeys, signIns, NAMES);
    }

    private static CoverageReport report(List<Device> devices, List<Passkey> passkeys, List<SignInEvent> signIns,
                                         Function<UUID, Optional<String>> names) {
        return CoverageModel.report(ACCOUNT, Fixtures.afterSignIns(devices, signIns), passkeys, REACH, names, Duration.ofDays(90), NOW);
    }

    private static DeviceCoverage of(CoverageReport report, Device device) {
        return report.device(device.id()).orElseThrow();
    }

    @Test
    void aPasskeyCreatedOnADeviceCoversIt() {
        Device laptop = windowsChrome();
        CoverageReport r = report(List.of(laptop), List.of(deviceBound(laptop)), List.of());
        assertThat(of(r, laptop).verdict()).isEqualTo(Verdict.COVERED);
        assertThat(of(r, laptop).reason()).isEqualTo("CREATED_HERE");
        assertThat(of(r, laptop).nextStep()).isEmpty();
    }

    @Test
    void aHybridSignInDoesNotCoverTheLaptopButALocalOneDoes() {
        Device phone = iphoneSafari();
        Device laptop = windowsChrome();
        List<Passkey> keys = List.of(deviceBound(phone));
        CoverageReport hybrid = report(List.of(phone, laptop), keys,
                List.of(signIn(laptop, SignInMethod.PASSKEY_OTHER_DEVICE, Duration.ofMinutes(1))));
        assertThat(of(hybrid, laptop).verdict()).isEqualTo(Verdict.NOT_COVERED);
        assertThat(of(hybrid, laptop).reason()).as("told truthfully: the passkey answered from the phone")
                .isEqualTo("SIGNED_IN_FROM_PHONE");
        assertThat(of(hybrid, laptop).explanationWords().key()).isEqualTo("words.explain.signedInFromPhone");
        assertThat(of(hybrid, laptop).nextStep()).hasValueSatisfying(s -> assertThat(s).contains("Create a passkey"));
        assertThat(dev.latchkey.nudges.api.PromptWords.offersAddHere(Optional.of(of(hybrid, laptop))))
                .as("a healing case: the laptop is offered its own passkey").isTrue();

        CoverageReport local = report(List.of(phone, laptop), keys, List.of(
                signIn(laptop, SignInMethod.PASSKEY_THIS_DEVICE, Duration.ofMinutes(1)),
                signIn(laptop, SignInMethod.PASSKEY_OTHER_DEVICE, Duration.ofDays(1))));
        assertThat(of(local, laptop).verdict()).isEqualTo(Verdict.COVERED);
        assertThat(of(local, laptop).reason()).isEqualTo("USED_HERE");
    }

    @Test
    void aLocalSignInWithAPasskeyThatWasRemovedSinceCoversNothing() {
        Device phone = iphoneSafari();
        Device pc = windowsChrome();
        // The PC signed in with a passkey yesterday; that passkey is gone; the phone made a new one today.
        Passkey newOnPhone = passkey(ZERO, false, false, "platform", List.of("internal"), phone, Duration.ofHours(1));
        CoverageReport r = report(List.of(phone, pc), List.of(newOnPhone),
                List.of(signIn(pc, SignInMethod.PASSKEY_THIS_DEVICE, Duration.ofDays(1))));
        assertThat(of(r, pc).verdict()).isEqualTo(Verdict.NOT_COVERED);
    }

    @Test
    void aSyncedGooglePasskeyLikelyCoversChromeOnWindowsButNotSafariOnAnIphone() {
        Device android = device("Chrome", "Android", "Phone", true, false, Duration.ofHours(3));
        Device laptop = windowsChrome();
        Device iphone = iphoneSafari();
        Passkey synced = passkey(GPM, true, true, "platform", List.of("internal", "hybrid"), android, Duration.ofDays(3));
        CoverageReport r = report(List.of(android, laptop, iphone), List.of(synced), List.of());
        assertThat(of(r, laptop).verdict()).isEqualTo(Verdict.LIKELY_COVERED);
        assertThat(of(r, laptop).providers()).containsExactly("Google Password Manager");
        assertThat(of(r, laptop).reason()).isEqualTo("SYNCED_PROVIDER_REACHES");
        assertThat(of(r, iphone).verdict()).isEqualTo(Verdict.NOT_COVERED);
        assertThat(r.covered()).hasSize(2);
    }

    @Test
    void theProviderListNamesTheProviderAndTheReachTableOnlyWhereTheListHasNoName() {
        Device android = device("Chrome", "Android", "Phone", true, false, Duration.ofHours(3));
        Device laptop = windowsChrome();
        Passkey synced = passkey(GPM, true, true, "platform", List.of("internal", "hybrid"), android, Duration.ofDays(3));
        // An operator's newer list (LATCHKEY_AAGUID_FILE) calls it something else: that is what users read.
        CoverageReport renamed = report(List.of(android, laptop), List.of(synced), List.of(),
                aaguid -> aaguid.equals(GPM) ? Optional.of("Google Passwords") : Optional.empty());
        assertThat(of(renamed, laptop).providers()).containsExactly("Google Passwords");
        assertThat(of(renamed, android).providers()).as("created there").containsExactly("Google Passwords");
        assertThat(of(renamed, laptop).verdict()).as("the reach still comes from the table").isEqualTo(Verdict.LIKELY_COVERED);
        // A list that does not know the AAGUID (empty, or broken and logged): the table's label stands in.
        CoverageReport unnamed = report(List.of(android, laptop), List.of(synced), List.of(), aaguid -> Optional.empty());
        assertThat(of(unnamed, laptop).providers()).containsExactly("Google Password Manager");
    }

    @Test
    void aZeroAaguidSyncedPasskeyFromAnIphoneIsInferredToBeICloudKeychain() {
        Device iphone = iphoneSafari();
        Device mac = device("Safari", "Mac", "Desktop", true, false, Duration.ofDays(1));
        Device windows = windowsChrome();
        Passkey synced = passkey(ZERO, true, true, "platform", List.of("internal", "hybrid"), iphone, Duration.ofDays(3));
        CoverageReport r = report(List.of(iphone, mac, windows), List.of(synced), List.of());
        assertThat(of(r, mac).verdict()).isEqualTo(Verdict.LIKELY_COVERED);
        assertThat(of(r, mac).reason()).as("the table marks this as an inference").isEqualTo("SYNCED_PROVIDER_LIKELY_REACHES");
        assertThat(of(r, mac).providers()).containsExactly("iCloud Keychain");
        assertThat(of(r, windows).verdict()).isEqualTo(Verdict.NOT_COVERED);
    }

    @Test
    void aDeviceBoundPasskeyOfUnknownAaguidIsNotNamedAfterTheCreatingPlatformsProvider() {
        Device android = device("Chrome", "Android", "Phone", true, false, Duration.ofHours(3));
        CoverageReport r = report(List.of(android), List.of(deviceBound(android)), List.of());
        assertThat(of(r, android).verdict()).isEqualTo(Verdict.COVERED);
        assertThat(of(r, android).providers()).isEmpty();
    }

    @Test
    void aSyncablePasskeyThatIsNotBackedUpReachesNothingElse() {
        Device android = device("Chrome", "Android", "Phone", true, false, Duration.ofHours(3));
        Device laptop = windowsChrome();
        Passkey notBackedUp = passkey(GPM, true, false, "platform", List.of("internal"), android, Duration.ofDays(3));
        CoverageReport r = report(List.of(android, laptop), List.of(notBackedUp), List.of());
        assertThat(of(r, laptop).verdict()).isEqualTo(Verdict.NOT_COVERED);
        assertThat(r.backup()).hasValue("PASSKEY_NOT_BACKED_UP");
    }

    @Test
    void windowsHelloIsDeviceBoundAndNeverLikelyCoversAnotherPc() {
        Device pc = windowsChrome();
        Device other = device("Edge", "Windows", "Desktop", true, false, Duration.ofDays(1));
        Passkey hello = passkey(WINDOWS_HELLO, true, true, "platform", List.of("internal"), pc, Duration.ofDays(3));
        assertThat(of(report(List.of(pc, other), List.of(hello), List.of()), other).verdict()).isEqualTo(Verdict.NOT_COVERED);
    }

    @Test
    void aDeviceWithoutAPlatformAuthenticatorCannotHoldOneAndUnknownCapabilityIsNotANo() {
        Device noAuthenticator = device("Firefox", "Linux", "Desktop", false, false, Duration.ofDays(1));
        Device unknown = device("Firefox", "Windows", "Desktop", null, false, Duration.ofDays(1));
        CoverageReport r = report(List.of(noAuthenticator, unknown), List.of(), List.of());
        assertThat(of(r, noAuthenticator).verdict()).isEqualTo(Verdict.CANNOT_HOLD_ONE);
        assertThat(of(r, noAuthenticator).nextStep()).hasValueSatisfying(s -> assertThat(s).contains("phone"));
        assertThat(of(r, unknown).verdict()).isEqualTo(Verdict.NOT_COVERED);
        assertThat(of(r, unknown).reason()).isEqualTo("NONE_KNOWN_CAPABILITY_UNKNOWN");
    }

    @Test
    void sharedDevicesAreExcludedEvenWhereAPasskeyWasUsed() {
        Device kiosk = device("Chrome", "Windows", "Desktop", true, true, Duration.ofDays(1));
        Device phone = iphoneSafari();
        CoverageReport r = report(List.of(kiosk, phone), List.of(deviceBound(phone)),
                List.of(signIn(kiosk, SignInMethod.PASSKEY_THIS_DEVICE, Duration.ofDays(1))));
        assertThat(of(r, kiosk).verdict()).isEqualTo(Verdict.SHARED);
        assertThat(r.uncovered()).isEmpty();
        assertThat(r.covered()).extracting(DeviceCoverage::label).containsExactly("Safari on iPhone");
    }

    @Test
    void devicesNotSeenWithinTheWindowAreLeftOut() {
        Device old = device("Chrome", "Windows", "Desktop", true, false, Duration.ofDays(91));
        Device recent = device("Chrome", "Windows", "Desktop", true, false, Duration.ofDays(89));
        CoverageReport r = report(List.of(old, recent), List.of(), List.of());
        assertThat(r.devices()).hasSize(1);
        assertThat(r.device(old.id())).isEmpty();
    }

    @Test
    void privateWindowsOfOneBrowserAreOneEntryForDisplayWithTheBestVerdict() {
        Device main = windowsChrome();
        Device privateWindow = device("Chrome", "Windows", "Desktop", true, false, Duration.ofHours(5));
        Device phone = iphoneSafari();
        CoverageReport r = report(List.of(main, privateWindow, phone), List.of(deviceBound(main)), List.of());
        assertThat(r.devices()).hasSize(3);
        CoverageReport shown = r.groupedForDisplay();
        assertThat(shown.devices()).extracting(DeviceCoverage::label).containsExactly("Safari on iPhone", "Chrome on Windows");
        DeviceCoverage windows = shown.devices().get(1);
        assertThat(windows.verdict()).isEqualTo(Verdict.COVERED);
        assertThat(windows.deviceIds()).containsExactlyInAnyOrder(main.id(), privateWindow.id());
        assertThat(windows.lastSeen()).isEqualTo(privateWindow.lastSeen());
    }

    @Test
    void theCoverageCardCallsDevicesByThePersonsNamesAndKeepsNamedOnesApart() {
        Device work = named(windowsChrome(), "Work laptop");
        Device home = named(device("Chrome", "Windows", "Desktop", true, false, Duration.ofHours(5)), "Home laptop");
        Device phone = iphoneSafari();
        CoverageReport r = report(List.of(work, home, phone), List.of(deviceBound(work)), List.of());
        assertThat(of(r, work).label()).isEqualTo("Work laptop");
        assertThat(r.groupedForDisplay().devices()).extracting(DeviceCoverage::label)
                .containsExactly("Safari on iPhone", "Home laptop", "Work laptop");
        // The phone's next step names the computer holding the passkey by its name too.
        assertThat(of(r, phone).reason()).isEqualTo("PASSKEYS_ONLY_ON_COMPUTERS");
        assertThat(of(r, phone).explanation()).contains("Work laptop").doesNotContain("Chrome on Windows");
    }

    private static Device named(Device d, String name) {
        return new Device(d.id(), d.accountId(), d.label(), d.browser(), d.platform(), d.deviceClass(), d.firstSeen(),
                d.lastSeen(), d.capabilities(), d.shared(), Optional.of(name));
    }

    @Test
    void backupNeedsTwoPlacesOrASyncedPasskey() {
        Device laptop = windowsChrome();
        Device phone = iphoneSafari();
        assertThat(CoverageModel.backup(List.of())).hasValue("NO_PASSKEY");
        assertThat(CoverageModel.backup(List.of(deviceBound(laptop)))).hasValue("ALL_PASSKEYS_ON_ONE_DEVICE");
        assertThat(CoverageModel.backup(List.of(deviceBound(laptop), deviceBound(laptop))))
                .as("two passkeys in one laptop are lost together").hasValue("ALL_PASSKEYS_ON_ONE_DEVICE");
        assertThat(CoverageModel.backup(List.of(deviceBound(laptop), deviceBound(phone)))).isEmpty();
        Passkey key = passkey(ZERO, false, false, "cross-platform", List.of("usb", "nfc"), laptop, Duration.ofDays(1));
        assertThat(CoverageModel.backup(List.of(deviceBound(laptop), key))).as("a security key is a second place").isEmpty();
        assertThat(CoverageModel.backup(List.of(passkey(GPM, true, true, "platform", List.of("internal"), laptop,
                Duration.ofDays(1))))).isEmpty();
    }
}
