package dev.tollgate.console;

import dev.tollgate.api.StaffRole;

import java.util.List;

/** The frame of every console page: skip link, navigation, who is logged in, logout. */
final class Layout {
    private static final List<String[]> NAV = List.of(new String[]{"overview", "Overview"},
            new String[]{"decisions", "Decisions"}, new String[]{"what-if", "What-if"},
            new String[]{"policies", "Policies"});

    private Layout() {
    }

    /** What a page needs to know of its session. */
    record Viewer(StaffRole role, String csrf) {
    }

    static String page(String title, String current, Viewer viewer, String main) {
        StringBuilder nav = new StringBuilder();
        if (viewer != null) {
            nav.append("<nav aria-label=\"Console\"><ul>");
            for (String[] item : NAV) {
                nav.append("<li><a href=\"/console/").append(item[0]).append('"')
                        .append(item[0].equals(current) ? " aria-current=\"page\"" : "").append('>').append(item[1])
                        .append("</a></li>");
            }
            nav.append("</ul><form method=\"post\" action=\"/console/logout\">").append(csrf(viewer))
                    .append("<span class=\"who\">Signed in as ").append(viewer.role().wire())
                    .append("</span> <button type=\"submit\">Log out</button></form></nav>");
        }
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Tollgate console</title>
                <link rel="stylesheet" href="/console/assets/uPlot.min.css">
                <link rel="stylesheet" href="/console/assets/console.css">
                <script src="/console/assets/htmx.js" defer></script>
                <script src="/console/assets/uPlot.iife.min.js" defer></script>
                <script src="/console/assets/console.js" defer></script>
                </head>
                <body>
                <a class="skip" href="#main">Skip to content</a>
                <header><p class="brand">Tollgate console</p>%s</header>
                <main id="main" tabindex="-1">
                <h1>%s</h1>
                %s
                </main>
                </body>
                </html>
                """.formatted(Html.text(title), nav, Html.text(title), main);
    }

    /** The hidden field a POST form of the session carries. */
    static String csrf(Viewer viewer) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.text(viewer.csrf()) + "\">";
    }
}
