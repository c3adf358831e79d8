package dev.latchkey.education.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Markdown (CommonMark) to safe HTML, plus the checks that keep articles accessible: the page
 * supplies the {@code h1}, so the body's headings start at {@code h2} and never skip a level, and
 * links go only to other help articles, an anchor, https or mailto.
 *
 * <p>Raw HTML in the Markdown is passed through by commonmark-java and then sanitised: the OWASP
 * policy below keeps a short list of text elements and drops everything else, scripts, event
 * handlers and {@code javascript:} URLs included. Articles are our own files; sanitising anyway
 * means a slip in one cannot become script on our origin.
 */
final class ArticleRenderer {

    /** A link to another article: {@code /learn/<slug>}, optionally with an anchor. */
    static final Pattern ARTICLE_LINK = Pattern.compile("/learn/(" + FrontMatter.SLUG.pattern() + ")(?:#[\\w-]+)?");
    private static final Pattern ALLOWED_LINK = Pattern.compile("(?:/learn|#[\\w-]+|https://\\S+|mailto:\\S+)");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "code", "pre", "kbd",
                    "blockquote", "hr", "br", "a", "table", "thead", "tbody", "tr", "th", "td")
            .allowUrlProtocols("https", "mailto")
            .allowAttributes("href").onElements("a")
            .allowAttributes("start").matching(Pattern.compile("\\d{1,3}")).onElements("ol")
            .toFactory();

    /** GitHub-style tables: comparisons read better as a table than as prose. */
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer html = HtmlRenderer.builder().extensions(EXTENSIONS).build();
    private final TextContentRenderer text = TextContentRenderer.builder().extensions(EXTENSIONS).build();

    /** An article body ready to serve and to index. */
    record Rendered(String safeHtml, String plainText, Set<String> linkedSlugs) {
    }

    Rendered render(String file, String markdown) {
        Node document = parser.parse(markdown);
        Checks checks = new Checks();
        document.accept(checks);
        if (!checks.problems.isEmpty()) {
            throw new ContentException(file, String.join("; ", checks.problems));
        }
        return new Rendered(sanitise(html.render(document)), text.render(document), checks.linkedSlugs);
    }

    /** The sanitiser on its own, for HTML that did not come from {@link #render}. */
    static String sanitise(String untrustedHtml) {
        return POLICY.sanitize(untrustedHtml);
    }

    private static final class Checks extends AbstractVisitor {
        final List<String> problems = new ArrayList<>();
        final Set<String> linkedSlugs = new LinkedHashSet<>();
        private int previousLevel = 1;

        @Override
        public void visit(Heading heading) {
            int level = heading.getLevel();
            if (level < 2 || level > 4) {
                problems.add("heading level " + level + " (use ## to ####; the page title is the only h1)");
            } else if (level > previousLevel + 1) {
                problems.add("heading level jumps from " + previousLevel + " to " + level);
            }
            previousLevel = level;
            visitChildren(heading);
        }

        @Override
        public void visit(Link link) {
            String destination = link.getDestination();
            Matcher article = ARTICLE_LINK.matcher(destination);
            if (article.matches()) {
                linkedSlugs.add(article.group(1));
            } else if (!ALLOWED_LINK.matcher(destination).matches()) {
                problems.add("link to '" + destination + "' (allowed: /learn, /learn/<slug>, #anchor, https:, mailto:)");
            }
            if (link.getFirstChild() == null) {
                problems.add("link to '" + destination + "' has no text");
            }
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            problems.add("image '" + image.getDestination() + "' (articles carry no images yet)");
        }
    }
}
