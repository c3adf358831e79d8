package dev.latchkey.education.internal;

import dev.latchkey.education.api.Audience;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The metadata block at the top of an article file, between two {@code ---} lines, one
 * {@code key: value} per line:
 *
 * <pre>
 * ---
 * slug: what-is-a-passkey
 * title: What is a passkey?
 * summary: One or two plain sentences.
 * audience: everyone            (or administrators)
 * locale: en
 * tags: basics, passkey
 * ---
 * </pre>
 *
 * A deliberately small subset of YAML: no quoting, nesting or multi-line values, so that a typo
 * fails loudly with the line it is on instead of turning into a different value. Every key is
 * required and no other key is accepted.
 */
record FrontMatter(String slug, String title, String summary, Audience audience, Locale locale, List<String> tags,
                   String body) {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\p{Ll}\\p{N}]+(?:-[\\p{Ll}\\p{N}]+)*");
    private static final Set<String> KEYS = Set.of("slug", "title", "summary", "audience", "locale", "tags");
    private static final String FENCE = "---";

    static FrontMatter parse(String file, String text) {
        String normalised = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> lines = Arrays.asList(normalised.replace("\r\n", "\n").split("\n", -1));
        if (lines.isEmpty() || !lines.get(0).strip().equals(FENCE)) {
            throw new ContentException(file, "must start with a front matter block opened by '---' on line 1");
        }
        Map<String, String> values = new LinkedHashMap<>();
        int end = -1;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().equals(FENCE)) {
                end = i;
                break;
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ContentException(file, "line " + (i + 1) + ": expected 'key: value'");
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (!KEYS.contains(key)) {
                throw new ContentException(file, "line " + (i + 1) + ": unknown key '" + key + "' (expected one of "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
            if (values.put(key, value) != null) {
                throw new ContentException(file, "line " + (i + 1) + ": '" + key + "' is given twice");
            }
            if (value.isEmpty()) {
                throw new ContentException(file, "line " + (i + 1) + ": '" + key + "' is empty");
            }
        }
        if (end < 0) {
            throw new ContentException(file, "the front matter block is not closed by a '---' line");
        }
        for (String key : KEYS.stream().sorted().toList()) {
            if (!values.containsKey(key)) {
                throw new ContentException(file, "front matter lacks '" + key + "'");
            }
        }
        String slug = values.get("slug");
        if (!SLUG.matcher(slug).matches() || slug.length() > 80) {
            throw new ContentException(file, "slug '" + slug + "' must be lower-case words joined by hyphens");
        }
        Audience audience;
        try {
            audience = Audience.valueOf(values.get("audience").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ContentException(file, "audience must be 'everyone' or 'administrators'");
        }
        Locale locale = Locale.forLanguageTag(values.get("locale"));
        if (locale.getLanguage().isEmpty()) {
            throw new ContentException(file, "locale '" + values.get("locale") + "' is not a language tag");
        }
        List<String> tags = Arrays.stream(values.get("tags").split(","))
                .map(String::strip)
                .toList();
        for (String tag : tags) {
            if (!TAG.matcher(tag).matches()) {
                throw new ContentException(file, "tag '" + tag + "' must be a lower-case word (hyphens allowed)");
            }
        }
        String body = String.join("\n", lines.subList(end + 1, lines.size()));
        return new FrontMatter(slug, values.get("title"), values.get("summary"), audience, locale, tags, body);
    }
}
