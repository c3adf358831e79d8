/**
 * The help pages ({@code /learn}), their language and the language switcher.
 */
package dev.latchkey.app.web.learn;
