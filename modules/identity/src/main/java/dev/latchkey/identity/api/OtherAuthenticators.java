package dev.latchkey.identity.api;

import java.util.UUID;

/**
 * Whether an account can sign in with something other than its password. Identity asks before it
 * applies the password length rule (15 characters for a password that is the only way in, 8
 * otherwise); identity does not know about passkeys, so the credentials module answers as a CDI
 * bean. Without such a bean, identity assumes the password is the only way in (the strict rule).
 */
public interface OtherAuthenticators {

    boolean hasPasskey(UUID accountId);
}
