package dev.latchkey.credentials.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A passkey provider as the community AAGUID list names it ("Google Password Manager", "Apple
 * Passwords"). For naming passkeys in account settings only: the AAGUID of a passkey made with
 * attestation {@code none} is the client's unsigned claim, so it never decides anything.
 *
 * @param name      plain text, at most 80 characters, free of control and direction-changing characters
 * @param iconLight a {@code data:image/svg+xml;base64,...} or {@code data:image/png;base64,...} URI for
 *                  light backgrounds; only ever for an {@code <img src>}, never inlined as markup
 * @param iconDark  the same for dark backgrounds
 */
public record PasskeyProvider(String name, Optional<String> iconLight, Optional<String> iconDark) {

    public PasskeyProvider {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(iconLight, "iconLight");
        Objects.requireNonNull(iconDark, "iconDark");
    }
}
