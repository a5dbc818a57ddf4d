package dev.tollgate.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.Json;
import dev.tollgate.api.Alarms;
import dev.tollgate.api.HttpProblem;
import dev.tollgate.api.ProblemException;
import dev.tollgate.audit.LogRecord;
import dev.tollgate.policy.Obligation;
import dev.tollgate.policy.Outcome;
import dev.tollgate.policy.Reason;
import dev.tollgate.trail.AuditTrail;
import dev.tollgate.trail.ChainStatus;
import dev.tollgate.trail.DecisionFilter;
import dev.tollgate.trail.PolicyDiff;
import dev.tollgate.trail.WhatIf;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The console's views, rendered on the server from the audit trail; never a text or a personal value. */
public final class ConsoleViews {
    /** Unchanged lines shown around each change of a diff. */
    private static final int DIFF_CONTEXT = 3;
    /** Sent by htmx when it fetches a part of a page. */
    private static final HeaderName HX_REQUEST = HeaderNames.create("HX-Request");

    private final AuditViews audit;
    private final Overview overview;

    public ConsoleViews(AuditViews audit, Overview overview) {
        this.audit = audit;
        this.overview = overview;
    }

    String overview(ServerRequest req, Layout.Viewer viewer) {
        Overview.TrailStatus trail = overview.trailStatus();
        Overview.Usage usage = overview.usage();
        Overview.Activity activity = overview.activity();
        List<Alarms.Alert> alerts = overview.alerts();
        StringBuilder html = new StringBuilder("<div class=\"cards\">");
        ChainStatus.Verified chains = trail.chains();
        html.append(card("Trail", chains.intact() ? "intact" : "BROKEN", chains.records() + " records verified in "
                + chains.streams().size() + (chains.streams().size() == 1 ? " stream" : " streams") + " at "
                + chains.at().truncatedTo(ChronoUnit.SECONDS) + failures(chains) + "; " + (trail.lastCheckpoint() == null ? "no checkpoint signed yet" : "last checkpoint at seq "
                + trail.lastCheckpoint().seq() + ", " + trail.lastCheckpoint().time() + " ("
                + trail.lastCheckpoint().keyId() + ")")));
        html.append(card("On-device share", percent(usage.onDeviceShare()), usage.executions()
                + " executions in " + usage.month()));
        html.append(card("Escalation rate", percent(usage.escalationRate()), "of cascade and draft-verify answers"));
        html.append(card("Cloud tokens", Long.toString(usage.cloudTokens()), String.format(Locale.ROOT,
                "cost %.4f this month", usage.cost())));
        html.append(card("Alerts firing", Integer.toString(alerts.size()), alerts.isEmpty() ? "none"
                : alerts.stream().map(Alarms.Alert::name).collect(Collectors.joining(", "))));
        html.append("</div>");
        if (!alerts.isEmpty()) {
            html.append("<section aria-labelledby=\"alerts\"><h2 id=\"alerts\">Alerts</h2><ul>");
            alerts.forEach(alert -> html.append("<li><strong>").append(Html.text(alert.name())).append("</strong>: ")
                    .append(Html.text(alert.about())).append("</li>"));
            html.append("</ul></section>");
        }
        html.append("<section aria-labelledby=\"over-time\"><h2 id=\"over-time\">Decisions over time, per ")
                .append(activity.bucket()).append(" (").append(activity.decisions()).append(" in all)</h2>")
                .append("<div class=\"charts\"><figure><figcaption>By effect</figcaption>")
                .append("<div class=\"chart\" id=\"chart-effect\" role=\"img\" aria-label=\"Decisions over time by effect: ")
                .append(Html.text(totals(activity.byEffect()))).append("\"></div></figure>")
                .append("<figure><figcaption>By route</figcaption>")
                .append("<div class=\"chart\" id=\"chart-route\" role=\"img\" aria-label=\"Decisions over time by route: ")
                .append(Html.text(totals(activity.byRoute()))).append("\"></div></figure></div>")
                .append("<script type=\"application/json\" id=\"chart-data\">").append(chartData(activity))
                .append("</script></section>");
        html.append("<div class=\"columns\">")
                .append(Html.table("Decisions by rule", List.of("Rule", "Decisions"), activity.byRule().entrySet(),
                        rule -> List.of(link("/console/decisions?rule=" + url(rule.getKey()), rule.getKey()),
                                rule.getValue().toString())))
                .append(Html.table("Decisions by application", List.of("Application", "Decisions"),
                        activity.byApplication().entrySet(), app -> List.of(link("/console/decisions?application="
                                + url(app.getKey()), app.getKey()), app.getValue().toString())))
                .append("</div>");
        return Layout.page("Overview", "overview", viewer, html.toString());
    }

    String decisions(ServerRequest req, Layout.Viewer viewer) {
        DecisionQuery query = DecisionQuery.parse(req.query(), Set.of());
        String results = decisionList(query, req);
        if (req.headers().contains(HX_REQUEST)) {
            return results;
        }
        DecisionFilter f = query.filter();
        String form = "<form class=\"filters\" method=\"get\" action=\"/console/decisions\" hx-get=\"/console/decisions\" "
                + "hx-target=\"#results\" hx-push-url=\"true\"><fieldset><legend>Filter</legend>"
                + Html.input("from", "From (date or instant)", "text", f.from() == null ? "" : f.from().toString())
                + Html.input("to", "To (exclusive)", "text", f.to() == null ? "" : f.to().toString())
                + Html.input("application", "Application", "text", f.application())
                + Html.select("effect", "Effect", List.of("", "allow", "deny"), f.effect() == null ? "" : f.effect())
                + Html.input("route", "Route (destination)", "text", f.route())
                + Html.input("rule", "Rule", "text", f.rule())
                + Html.input("entity_type", "Entity type", "text", f.entityType())
                + "<button type=\"submit\">Apply filters</button></fieldset></form>";
        return Layout.page("Decisions", "decisions", viewer, form + "<div id=\"results\" aria-live=\"polite\">"
                + results + "</div>");
    }

    private String decisionList(DecisionQuery query, ServerRequest req) {
        AuditTrail.DecisionPage page = audit.decisions(query.filter(), query.offset(), query.limit());
        StringBuilder html = new StringBuilder("<p id=\"total\">").append(page.total())
                .append(page.total() == 1 ? " decision" : " decisions").append(" match.</p>");
        html.append(Html.table("Decisions, newest first", List.of("Time", "Application", "Effect", "Route", "Rules",
                "Entity types"), page.decisions(), d -> List.of(link("/console/decisions/" + url(d.decisionId()),
                d.time()), Html.text(d.application()), Html.text(d.effect()), Html.text(d.route()),
                Html.list(d.rules()), Html.list(d.entityTypes()))));
        String others = req.query().names().stream().filter(name -> !name.equals("offset"))
                .map(name -> name + "=" + url(req.query().get(name)) + "&").collect(Collectors.joining());
        html.append("<nav aria-label=\"Pages\" class=\"pager\">");
        if (page.offset() > 0) {
            html.append(link("/console/decisions?" + others + "offset=" + Math.max(0, page.offset() - page.limit()),
                    "Newer"));
        }
        if (page.nextOffset() != null) {
            html.append(link("/console/decisions?" + others + "offset=" + page.nextOffset(), "Older"));
        }
        return html.append("</nav>").toString();
    }

    String decision(ServerRequest req, Layout.Viewer viewer) {
        AuditTrail.DecisionExplanation d = audit.decision(req.path().pathParameters().get("id"));
        StringBuilder html = new StringBuilder("<dl class=\"facts\">")
                .append(term("Decision", d.decisionId())).append(term("Time", d.time()))
                .append(term("Application", d.application())).append(term("Request id", d.requestId()))
                .append(term("Policy versions", d.policyVersion().toString())).append("</dl>");
        html.append("<section aria-labelledby=\"s-facts\"><h2 id=\"s-facts\">1. Facts</h2>")
                .append("<p>What the engines evaluated: labels and counts, and where each finding is; never a value.</p>")
                .append(Html.table("Findings", List.of("Entity type", "Message", "Start", "End", "Score", "Detector"),
                        d.findings(), f -> List.of(Html.text(f.type()), Integer.toString(f.message()),
                                Integer.toString(f.start()), Integer.toString(f.end()),
                                String.format(Locale.ROOT, "%.2f", f.score()), Html.text(f.source()))))
                .append("<details><summary>The facts document</summary><pre>").append(Html.text(pretty(d.facts())))
                .append("</pre></details></section>");
        html.append("<section aria-labelledby=\"s-rules\"><h2 id=\"s-rules\">2. Rules that fired</h2>");
        d.rules().forEach((engine, packs) -> packs.forEach((pack, reasons) -> html.append(Html.table(
                "Engine " + engine + ", pack " + pack, List.of("Rule", "Legal basis", "Message"), reasons,
                r -> List.of("<code>" + Html.text(r.rule()) + "</code>", Html.text(r.basis()), Html.text(r.message()))))));
        html.append("</section><section aria-labelledby=\"s-outcome\"><h2 id=\"s-outcome\">3. The combiner's result</h2>")
                .append(outcome(d.outcome())).append("</section>");
        html.append("<section aria-labelledby=\"s-events\"><h2 id=\"s-events\">4. What followed</h2>")
                .append(d.events().isEmpty() ? "<p>Nothing was logged for this decision after it.</p>"
                        : Html.table("Executions, validations and reviews", List.of("Time", "Record"), d.events(),
                        e -> List.of(Html.text(e.time()), "<code>" + Html.text(pretty(LogRecord.toJson(e.record())))
                                + "</code>")))
                .append("</section>");
        return Layout.page("Decision " + d.decisionId(), "decisions", viewer, html.toString());
    }

    String whatIfForm(ServerRequest req, Layout.Viewer viewer) {
        return Layout.page("What-if", "what-if", viewer, whatIfFormHtml(viewer));
    }

    String whatIf(Map<String, String> form, Layout.Viewer viewer) {
        String from = blankToNull(form.get("from"));
        String to = blankToNull(form.get("to"));
        String content = blankToNull(form.get("content"));
        Map<String, String> files = new LinkedHashMap<>();
        if (content != null) {
            if (!viewer.role().uploadsCandidates()) {
                throw new ProblemException(HttpProblem.FORBIDDEN, "Only an officer uploads a candidate pack");
            }
            String path = blankToNull(form.get("path"));
            if (path == null) {
                throw new ProblemException(HttpProblem.BAD_REQUEST, "Name the file the upload replaces in the pack");
            }
            files.put(path, content);
        }
        DecisionFilter range = new DecisionFilter(from == null ? null : DecisionQuery.time("from", from),
                to == null ? null : DecisionQuery.time("to", to), null, null, null, null, null);
        WhatIf.Result result = audit.whatIf(range, form.getOrDefault("engine", "drools"),
                blankToNull(form.get("base")), files);
        StringBuilder html = new StringBuilder("<section aria-labelledby=\"result\"><h2 id=\"result\">Result</h2>")
                .append("<p id=\"changed-count\">").append(result.changedCount()).append(" of ")
                .append(result.replayed()).append(" decisions would change under the candidate <code>")
                .append(Html.text(result.candidate())).append("</code> (base <code>").append(Html.text(result.base()))
                .append("</code>).</p><div class=\"columns\">")
                .append(Html.table("Changed decisions by rule", List.of("Rule", "Decisions"),
                        result.byRule().entrySet(), e -> List.of("<code>" + Html.text(e.getKey()) + "</code>",
                                e.getValue().toString())))
                .append(Html.table("Changed decisions by route", List.of("Route before → after", "Decisions"),
                        result.byRoute().entrySet(), e -> List.of(Html.text(e.getKey()), e.getValue().toString())))
                .append("</div><h3>Affected decisions, before and after</h3>");
        for (WhatIf.Changed changed : result.changed()) {
            html.append("<details class=\"changed\"><summary>").append(Html.text(changed.time())).append(" · ")
                    .append(Html.text(changed.decisionId())).append("</summary><div class=\"side-by-side\">")
                    .append("<div><h4>Before (as logged)</h4>").append(outcome(changed.before())).append("</div>")
                    .append("<div><h4>After (candidate)</h4>").append(outcome(changed.after())).append("</div></div>")
                    .append(link("/console/decisions/" + url(changed.decisionId()), "Open the logged decision"))
                    .append("</details>");
        }
        html.append("</section>");
        return Layout.page("What-if", "what-if", viewer, whatIfFormHtml(viewer) + html);
    }

    private String whatIfFormHtml(Layout.Viewer viewer) {
        List<String> versions = new ArrayList<>(List.of(""));
        audit.policies().forEach(p -> versions.add(p.version()));
        String upload = viewer.role().uploadsCandidates() ? """
                <fieldset><legend>Candidate file (officers)</legend>
                <div class="field"><label for="path">File of the pack it replaces</label>
                <input id="path" name="path" type="text" placeholder="gdpr/gdpr.drl"></div>
                <div class="field"><label for="file">Upload the candidate file</label>
                <input id="file" type="file" data-fills="content"></div>
                <textarea id="content" name="content" hidden aria-hidden="true"></textarea>
                </fieldset>
                """ : "<p>Auditors replay stored versions; an officer uploads candidate files.</p>";
        return "<form method=\"post\" action=\"/console/what-if\" class=\"what-if\">" + Layout.csrf(viewer)
                + "<fieldset><legend>Range and base</legend>"
                + Html.input("from", "From (date or instant)", "text", "")
                + Html.input("to", "To (exclusive)", "text", "")
                + Html.select("engine", "Engine", List.of("drools", "rego"), "drools")
                + Html.select("base", "Base version (any: the latest in force)", versions, "")
                + "</fieldset>" + upload + "<button type=\"submit\">Run the what-if</button></form>";
    }

    String policies(ServerRequest req, Layout.Viewer viewer) {
        List<AuditTrail.PolicyPeriod> periods = audit.policies();
        StringBuilder html = new StringBuilder(Html.table("Policy versions in force", List.of("Engine", "Version",
                "From", "To", "Decisions"), periods, p -> List.of(Html.text(p.engine()), "<code>"
                + Html.text(p.version()) + "</code>", Html.text(p.from()), Html.text(p.to()),
                Long.toString(p.decisions()))));
        Set<String> versions = new LinkedHashSet<>();
        periods.forEach(p -> versions.add(p.version()));
        String engine = req.query().first("engine").orElse("drools");
        String from = req.query().first("from").orElse("");
        String to = req.query().first("to").orElse("");
        html.append("<form method=\"get\" action=\"/console/policies\" class=\"diff\"><fieldset><legend>Compare two "
                        + "versions</legend>").append(Html.select("engine", "Engine", List.of("drools", "rego"), engine))
                .append(Html.select("from", "Older version", versions, from))
                .append(Html.select("to", "Newer version", versions, to))
                .append("<button type=\"submit\">Show the diff</button></fieldset></form>");
        if (!from.isEmpty() && !to.isEmpty()) {
            List<PolicyDiff.FileDiff> diff = audit.diff(engine, from, to);
            html.append("<section aria-labelledby=\"diff\"><h2 id=\"diff\">Differences</h2>");
            if (diff.isEmpty()) {
                html.append("<p>The two versions have the same files.</p>");
            }
            for (PolicyDiff.FileDiff file : diff) {
                html.append("<h3>").append(Html.text(file.file())).append("</h3><pre class=\"diff\">");
                List<PolicyDiff.Line> lines = file.lines();
                boolean skipped = false;
                for (int i = 0; i < lines.size(); i++) {
                    PolicyDiff.Line line = lines.get(i);
                    if (!nearAChange(lines, i)) {
                        skipped = true;
                        continue;
                    }
                    if (skipped) {
                        html.append("<span class=\"kept\">  …</span>\n");
                        skipped = false;
                    }
                    html.append("<span class=\"").append(switch (line.change()) {
                        case '+' -> "added";
                        case '-' -> "removed";
                        default -> "kept";
                    }).append("\">").append(line.change()).append(' ').append(Html.text(line.text())).append("</span>\n");
                }
                html.append("</pre>");
            }
            html.append("</section>");
        }
        return Layout.page("Policies", "policies", viewer, html.toString());
    }

    /** Whether a changed line is within {@link #DIFF_CONTEXT} lines of this one. */
    private static boolean nearAChange(List<PolicyDiff.Line> lines, int at) {
        for (int i = Math.max(0, at - DIFF_CONTEXT); i <= Math.min(lines.size() - 1, at + DIFF_CONTEXT); i++) {
            if (lines.get(i).change() != ' ') {
                return true;
            }
        }
        return false;
    }

    private static String outcome(Outcome outcome) {
        StringBuilder html = new StringBuilder("<dl class=\"outcome\">").append(term("Effect", outcome.effect().wire()));
        if (outcome.route() != null) {
            html.append(term("Route", outcome.route().destination() + " (" + outcome.route().kind().wire() + ", "
                    + outcome.route().strategy().wire() + ")"))
                    .append(term("Routed by", outcome.route().routedBy()));
        }
        html.append(term("Permitted destinations", String.join(", ", outcome.permittedDestinations())))
                .append(term("Obligations", outcome.obligations().stream().map(ConsoleViews::obligation)
                        .collect(Collectors.joining("; "))))
                .append(term("Reasons", outcome.reasons().stream().map(Reason::rule).collect(Collectors.joining(", "))))
                .append("</dl>");
        return html.toString();
    }

    private static String obligation(Obligation obligation) {
        return obligation.type().wire() + (obligation.entities().isEmpty() ? "" : " " + obligation.entities())
                + (obligation.appliesTo() == null ? "" : " on " + obligation.appliesTo().wire());
    }

    /** Each broken stream with the first failure verify found in it. */
    private static String failures(ChainStatus.Verified chains) {
        return chains.streams().entrySet().stream().filter(stream -> !stream.getValue().ok())
                .map(stream -> "; " + stream.getKey() + ": " + stream.getValue().firstFailure().reason())
                .collect(Collectors.joining());
    }

    private static String card(String title, String figure, String detail) {
        return "<section class=\"card\"><h2>" + Html.text(title) + "</h2><p class=\"figure\">" + Html.text(figure)
                + "</p><p>" + Html.text(detail) + "</p></section>";
    }

    private static String term(String name, String value) {
        return "<dt>" + Html.text(name) + "</dt><dd>" + (value == null || value.isEmpty() ? "—" : Html.text(value))
                + "</dd>";
    }

    private static String link(String href, String text) {
        return "<a href=\"" + Html.text(href) + "\">" + Html.text(text) + "</a>";
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String totals(Map<String, long[]> series) {
        return series.entrySet().stream().map(e -> e.getKey() + " " + Arrays.stream(e.getValue()).sum())
                .collect(Collectors.joining(", "));
    }

    private static String chartData(Overview.Activity activity) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("times", activity.times());
        data.put("effect", activity.byEffect());
        data.put("route", activity.byRoute());
        // Inside a script element "</" would end it early.
        return pretty(data).replace("</", "<\\/");
    }

    private static String pretty(Object value) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
