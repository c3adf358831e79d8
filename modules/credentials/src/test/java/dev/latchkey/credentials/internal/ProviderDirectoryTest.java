package dev.latchkey.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.credentials.api.PasskeyProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which list is used, and that every problem with the operator's file is logged, not thrown. */
class ProviderDirectoryTest {

    private final Logger logger = Logger.getLogger(ProviderDirectory.class.getName());
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @TempDir
    Path dir;

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    private static Map<UUID, PasskeyProvider> load(Optional<Path> file) {
        return ProviderDirectory.load(file, () -> ProviderDirectory.class.getResourceAsStream(ProviderDirectory.SHIPPED));
    }

    @Test
    void withoutAnOperatorFileTheShippedListIsUsed() {
        assertThat(load(Optional.empty())).containsKey(AaguidListTest.GOOGLE).hasSize(52);
        assertThat(logged).singleElement().satisfies(r -> assertThat(r.getLevel()).isEqualTo(Level.INFO));
    }

    @Test
    void anOperatorsNewerListReplacesTheShippedOne() throws IOException {
        Path file = Files.writeString(dir.resolve("aaguid.json"),
                "{\"12345678-1234-1234-1234-123456789abc\": {\"name\": \"Acme Vault\"}}", StandardCharsets.UTF_8);
        Map<UUID, PasskeyProvider> providers = load(Optional.of(file));
        assertThat(providers).hasSize(1);
        assertThat(providers.get(UUID.fromString("12345678-1234-1234-1234-123456789abc")).name()).isEqualTo("Acme Vault");
    }

    @Test
    void aBrokenOperatorFileIsLoggedAndTheShippedListServes() throws IOException {
        Path file = Files.writeString(dir.resolve("aaguid.json"), "{\"oops\": ", StandardCharsets.UTF_8);
        assertThat(load(Optional.of(file))).hasSize(52);
        assertThat(logged).anySatisfy(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).contains(file.toString()).contains("not valid JSON").contains("shipped");
        });
    }

    @Test
    void aMissingOperatorFileIsLoggedAndTheShippedListServes() {
        Path file = dir.resolve("nowhere.json");
        assertThat(load(Optional.of(file))).hasSize(52);
        assertThat(logged).anySatisfy(r -> assertThat(r.getMessage()).contains(file.toString()).contains("could not be read"));
    }

    @Test
    void anEmptyOperatorFileIsLoggedAndNamesFallBackToDevices() throws IOException {
        Path file = Files.writeString(dir.resolve("aaguid.json"), "{}", StandardCharsets.UTF_8);
        assertThat(load(Optional.of(file))).isEmpty();
        assertThat(logged).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).contains("names no providers").contains("named after the device");
        });
    }

    @Test
    void aBrokenShippedListIsLoggedAndLeavesNoNames() {
        assertThat(ProviderDirectory.load(Optional.empty(),
                () -> new java.io.ByteArrayInputStream("not json".getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(ProviderDirectory.load(Optional.empty(), () -> null)).isEmpty();
        assertThat(logged).hasSize(2).allSatisfy(r -> assertThat(r.getLevel()).isEqualTo(Level.WARNING));
    }
}
