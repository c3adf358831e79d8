/**
 * The link handoff that adds a passkey made on another device: device 1's pages (link, QR code,
 * pairing code) and device 2's page and JSON endpoints.
 */
package dev.latchkey.app.web.handoff;
