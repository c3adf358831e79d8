/**
 * The signed-in account ({@code /account/*}): the security page, passkeys, password, devices,
 * sessions, email address and its confirmation, recovery codes, step-up and the account's JSON
 * ceremonies (step-up, adding a passkey).
 */
package dev.latchkey.app.web.account;
