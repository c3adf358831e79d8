package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.PasskeyProvider;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the community AAGUID list (passkeydeveloper/passkey-authenticator-aaguids, {@code aaguid.json}):
 * an object keyed by lowercase AAGUID whose values have a {@code name} and optional {@code icon_light}
 * and {@code icon_dark} data URIs. Nothing in it is trusted: a file that is not such an object is
 * refused as a whole ({@link Unreadable}); an entry with a bad key or no name is skipped; names lose
 * control and direction-changing characters and are capped; an icon that is not a base64 SVG or
 * PNG data URI of bounded size is dropped, so nothing but an image can ever reach an {@code <img src>}.
 */
final class AaguidList {

    /** The shipped list is about 320 kB; a file many times that is not this list. */
    static final int MAX_FILE_BYTES = 8 * 1024 * 1024;
    static final int MAX_ICON_CHARS = 64 * 1024;
    static final int MAX_NAME_LENGTH = 80;

    private static final Pattern ICON = Pattern.compile("data:image/(?:svg\\+xml|png);base64,[A-Za-z0-9+/]+={0,2}");
    private static final Pattern AAGUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What was read: the providers and how many entries were skipped. */
    record Parsed(Map<UUID, PasskeyProvider> providers, int skipped) {
    }

    /** The whole file is unusable; the message says why, for the operator's log. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private AaguidList() {
    }

    static Parsed parse(InputStream in) throws Unreadable {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new Unreadable("it could not be read: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new Unreadable("it is larger than " + MAX_FILE_BYTES + " bytes", null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new Unreadable("it is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new Unreadable("it is not a JSON object keyed by AAGUID", null);
        }
        Map<UUID, PasskeyProvider> providers = new LinkedHashMap<>();
        int skipped = 0;
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            Optional<PasskeyProvider> provider = AAGUID.matcher(entry.getKey()).matches()
                    ? provider(entry.getValue()) : Optional.empty();
            UUID aaguid = provider.isPresent() ? UUID.fromString(entry.getKey()) : null;
            if (provider.isEmpty() || aaguid.equals(new UUID(0, 0))) {
                skipped++;
            } else {
                providers.put(aaguid, provider.get());
            }
        }
        return new Parsed(Collections.unmodifiableMap(providers), skipped);
    }

    private static Optional<PasskeyProvider> provider(JsonNode value) {
        if (value == null || !value.isObject() || value.get("name") == null || !value.get("name").isString()) {
            return Optional.empty();
        }
        String name = PasskeyNames.clean(value.get("name").stringValue(), MAX_NAME_LENGTH);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PasskeyProvider(name, icon(value.get("icon_light")), icon(value.get("icon_dark"))));
    }

    private static Optional<String> icon(JsonNode node) {
        if (node == null || !node.isString()) {
            return Optional.empty();
        }
        String uri = node.stringValue();
        return uri.length() <= MAX_ICON_CHARS && ICON.matcher(uri).matches() ? Optional.of(uri) : Optional.empty();
    }
}
