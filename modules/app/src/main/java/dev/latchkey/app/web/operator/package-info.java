/**
 * Pages for the operators of a deployment: invitations, and the development outbox.
 */
package dev.latchkey.app.web.operator;
