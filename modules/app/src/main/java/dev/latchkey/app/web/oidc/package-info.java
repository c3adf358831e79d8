/**
 * The OpenID Connect provider's HTTP endpoints. Each servlet takes what the request carried, makes
 * one call on federation's {@code OpenIdProvider} and writes the answer: no protocol rule lives here.
 */
package dev.latchkey.app.web.oidc;
