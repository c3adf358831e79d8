package dev.latchkey.credentials.api;

import java.util.List;

/** {@code PublicKeyCredentialDescriptorJSON}: a passkey named by its base64url id. */
public record CredentialDescriptor(String type, String id, List<String> transports) {
}
