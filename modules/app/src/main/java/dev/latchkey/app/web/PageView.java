package dev.latchkey.app.web;

/**
 * A page's typed view model: a record whose components are the variables of its Thymeleaf template,
 * under the same names. A component that is {@code null} is left out of the template's context
 * (the template's {@code ${x != null}} tests see it as absent).
 */
public interface PageView {

    /** The template under {@code WEB-INF/templates/}, without {@code .html}. */
    String template();
}
