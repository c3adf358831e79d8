package dev.latchkey.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** Page expressions read records through RecordProperties and mean what they meant through OGNL's own accessor. */
class RecordPropertiesTest {

    public record Row(String label, boolean current, List<String> names, Inner inner) {
        public String getShout() {
            return label.toUpperCase(java.util.Locale.ROOT);
        }

        public boolean isEmpty() {
            return names.isEmpty();
        }

        public String twice() {
            return label + label;
        }
    }

    /** Not public: its accessors are reached all the same, as OGNL reached them. */
    record Inner(int count) {
    }

    record Failing(String value) {
        @Override
        public String value() {
            throw new IllegalStateException("broken accessor");
        }
    }

    private static TemplateEngine engine;

    @BeforeAll
    static void engine() {
        RecordProperties.install();
        RecordProperties.install(); // twice is once
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.TEXT);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    private static String render(String template, Object row) {
        Context context = new Context();
        context.setVariable("row", row);
        context.setVariable("rows", List.of(row, row));
        return engine.process(template, context);
    }

    @Test
    void ognlReadsEveryRecordThroughIt() throws ognl.OgnlException {
        assertThat(ognl.OgnlRuntime.getPropertyAccessor(Row.class)).isInstanceOf(RecordProperties.class);
        assertThat(ognl.OgnlRuntime.getPropertyAccessor(Inner.class)).isInstanceOf(RecordProperties.class);
        assertThat(ognl.OgnlRuntime.getPropertyAccessor(String.class)).isNotInstanceOf(RecordProperties.class);
    }

    @Test
    void componentsGettersMethodsAndChains() {
        Row row = new Row("Laptop", true, List.of("a", "b"), new Inner(3));
        assertThat(render("[(${row.label})]|[(${row.current})]|[(${row.names.size})]|[(${row.inner.count})]"
                + "|[(${row.shout})]|[(${row.empty})]|[(${row.twice()})]|[(${rows[1].label})]"
                + "|[(${row.current ? 'yes' : 'no'})]|[(${row.names[0]})]", row))
                .isEqualTo("Laptop|true|2|3|LAPTOP|false|LaptopLaptop|Laptop|yes|a");
    }

    @Test
    void aNullComponentIsNullAndAMissingOneFailsAsBefore() {
        Row row = new Row(null, false, List.of(), new Inner(0));
        assertThat(render("[(${row.label == null})]|[(${row.empty})]", row)).isEqualTo("true|true");
        assertThatThrownBy(() -> render("[(${row.nosuch})]", row)).isInstanceOf(TemplateProcessingException.class);
    }

    @Test
    void anAccessorsFailureStaysAFailure() {
        assertThatThrownBy(() -> render("[(${row.value})]", new Failing("x")))
                .isInstanceOf(TemplateProcessingException.class)
                .hasStackTraceContaining("broken accessor");
    }
}
