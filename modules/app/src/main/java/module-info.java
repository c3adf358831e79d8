/**
 * The WAR: a thin web layer over the modules' APIs, the session filter and Liberty wiring.
 * It exports nothing; it may require every module, but only their {@code api} packages are
 * visible to it (an import of another module's {@code internal} package does not compile).
 */
module dev.latchkey.app {
    requires dev.latchkey.platform;
    requires dev.latchkey.identity;
    requires dev.latchkey.credentials;
    requires dev.latchkey.nudges;
    requires dev.latchkey.education;
    requires dev.latchkey.insights;
    requires dev.latchkey.federation;

    requires jakarta.servlet;
    requires jakarta.cdi;
    requires jakarta.inject;
    requires jakarta.annotation;
    requires jakarta.json.bind;
    requires jakarta.json;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires jakarta.persistence;
    requires java.sql;
    requires microprofile.health.api;
    requires microprofile.config.api;
    requires microprofile.metrics.api;
    requires thymeleaf;
    requires ognl;
    requires io.nayuki.qrcodegen;
    requires java.logging;

    opens dev.latchkey.app.config;
    opens dev.latchkey.app.security;
    opens dev.latchkey.app.web;
    opens dev.latchkey.app.web.account;
    opens dev.latchkey.app.web.handoff;
    opens dev.latchkey.app.web.learn;
    opens dev.latchkey.app.web.nudges;
    opens dev.latchkey.app.web.operator;
    opens dev.latchkey.app.web.signin;
    opens dev.latchkey.app.web.signup;
    opens dev.latchkey.app.web.oidc;
    opens dev.latchkey.app.web.recovery;
    opens dev.latchkey.app.health;
}
