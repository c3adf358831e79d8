package dev.latchkey.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The shipped list of common passwords ({@code META-INF/latchkey/common-passwords/}; its README
 * names the source and licence). Compared in lower case after NFKC normalisation.
 */
final class CommonPasswords {

    static final String RESOURCE = "/META-INF/latchkey/common-passwords/common-passwords.txt";

    private static final Set<String> LIST = load();

    private CommonPasswords() {
    }

    /** Whether the password, in any letter case or normalisation form, is on the list. */
    static boolean contains(String password) {
        return LIST.contains(fold(password));
    }

    static int size() {
        return LIST.size();
    }

    private static String fold(String password) {
        return PasswordHashing.normalise(password).toLowerCase(Locale.ROOT);
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the common-password list is missing: " + RESOURCE);
            }
            Set<String> entries = new HashSet<>(16_384);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    entries.add(fold(line.strip()));
                }
            }
            return Set.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("the common-password list cannot be read", e);
        }
    }
}
