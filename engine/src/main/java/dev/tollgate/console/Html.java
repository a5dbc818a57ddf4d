package dev.tollgate.console;

import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Escaping for text placed in HTML, and the few fragments every page repeats. */
final class Html {
    private Html() {
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A table with a caption, header cells and one row per item, every cell escaped unless a cell renders HTML. */
    static <T> String table(String caption, Collection<String> headers, Collection<T> rows,
                            Function<T, Collection<String>> cells) {
        StringBuilder html = new StringBuilder("<table><caption>").append(text(caption)).append("</caption><thead><tr>");
        headers.forEach(header -> html.append("<th scope=\"col\">").append(text(header)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (T row : rows) {
            html.append("<tr>");
            cells.apply(row).forEach(cell -> html.append("<td>").append(cell).append("</td>"));
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    /** Escaped items joined with a comma. */
    static String list(Collection<?> items) {
        return items.stream().map(Html::text).collect(Collectors.joining(", "));
    }

    /** A select with a label; the option equal to selected is selected. */
    static String select(String name, String label, Collection<String> options, String selected) {
        StringBuilder html = new StringBuilder("<div class=\"field\"><label for=\"").append(name).append("\">")
                .append(text(label))
                .append("</label><select id=\"").append(name).append("\" name=\"").append(name).append("\">");
        for (String option : options) {
            html.append("<option value=\"").append(text(option)).append('"')
                    .append(option.equals(selected) ? " selected" : "").append('>')
                    .append(option.isEmpty() ? "any" : text(option)).append("</option>");
        }
        return html.append("</select></div>").toString();
    }

    /** A text input with a label. */
    static String input(String name, String label, String type, String value) {
        return "<div class=\"field\"><label for=\"" + name + "\">" + text(label) + "</label><input id=\"" + name
                + "\" name=\"" + name + "\" type=\"" + type + "\" value=\"" + text(value) + "\"></div>";
    }
}
