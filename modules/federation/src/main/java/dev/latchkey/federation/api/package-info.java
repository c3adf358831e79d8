/**
 * What the web layer and other modules may use of the OpenID Connect provider: the protocol's
 * endpoints as one call each ({@link dev.latchkey.federation.api.OpenIdProvider}), the registered
 * clients ({@link dev.latchkey.federation.api.OidcClients}) and the events it records
 * ({@link dev.latchkey.federation.api.FederationEvent}).
 *
 * <p>No sessions and no accounts: identity owns those. No sign-in page: people sign in on
 * Latchkey's own, and come back to the provider afterwards. No Nimbus type crosses this package.
 */
package dev.latchkey.federation.api;
