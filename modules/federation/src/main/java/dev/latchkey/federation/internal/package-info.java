/**
 * The provider's implementation: Nimbus parses and makes every message, the tables {@code fed_*}
 * hold keys, pending requests, codes, tokens and events. Not exported.
 */
package dev.latchkey.federation.internal;
