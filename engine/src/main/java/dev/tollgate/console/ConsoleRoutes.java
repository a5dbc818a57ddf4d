package dev.tollgate.console;

import dev.tollgate.api.HttpProblem;
import dev.tollgate.api.ProblemException;
import dev.tollgate.api.StaffKeys;
import dev.tollgate.api.StaffRole;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The console at /console: login with an auditor or officer key (an application's key is refused), a session
 * cookie (HttpOnly, SameSite=Strict, Secure over TLS), a CSRF token on every POST, the views, and the scripts and
 * styles they use, served from the jar (htmx and uPlot from their WebJars).
 */
public final class ConsoleRoutes {
    static final String SESSION_COOKIE = "tollgate_session";
    static final String LOGIN_COOKIE = "tollgate_login";
    private static final Map<String, String[]> ASSETS = Map.of(
            "htmx.js", new String[]{"META-INF/resources/webjars/htmx.org/2.0.4/dist/htmx.js", "text/javascript"},
            "uPlot.iife.min.js", new String[]{"META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js",
                    "text/javascript"},
            "uPlot.min.css", new String[]{"META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.min.css", "text/css"},
            "console.js", new String[]{"console/console.js", "text/javascript"},
            "console.css", new String[]{"console/console.css", "text/css"});

    /** A view of the console: the page for a request of a logged-in viewer. */
    interface View {
        String render(ServerRequest req, Layout.Viewer viewer);
    }

    private final StaffKeys staff;
    private final ConsoleSessions sessions;
    private final long maxBodyBytes;
    private final ConsoleViews views;

    public ConsoleRoutes(StaffKeys staff, ConsoleViews views, long maxBodyBytes) {
        this.staff = staff;
        this.sessions = new ConsoleSessions(Clock.systemUTC());
        this.views = views;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void register(HttpRouting.Builder routing) {
        routing.get("/console", (req, res) -> redirect(res, "/console/overview"))
                .get("/console/login", (req, res) -> loginForm(req, res, Status.OK_200, null))
                .post("/console/login", this::login)
                .post("/console/logout", this::logout)
                .get("/console/assets/{name}", ConsoleRoutes::asset)
                .get("/console/overview", page(views::overview))
                .get("/console/decisions", page(views::decisions))
                .get("/console/decisions/{id}", page(views::decision))
                .get("/console/what-if", page(views::whatIfForm))
                .post("/console/what-if", (req, res) -> {
                    Layout.Viewer viewer = viewer(req, res);
                    if (viewer != null) {
                        Map<String, String> form = checkedForm(req, viewer);
                        send(req, res, (r, v) -> views.whatIf(form, v), viewer);
                    }
                })
                .get("/console/policies", page(views::policies));
    }

    private Handler page(View view) {
        return (req, res) -> {
            Layout.Viewer viewer = viewer(req, res);
            if (viewer != null) {
                send(req, res, view, viewer);
            }
        };
    }

    /** The page, or the problem a view found (a bad filter, an unknown decision) as a page with its status. */
    private static void send(ServerRequest req, ServerResponse res, View view, Layout.Viewer viewer) {
        String html;
        try {
            html = view.render(req, viewer);
        } catch (ProblemException e) {
            res.status(Status.create(e.status()));
            html = Layout.page("Not shown", null, viewer, "<div role=\"alert\" class=\"problem\"><p>"
                    + Html.text(e.getMessage()) + "</p><ul>" + e.errors().stream().map(error -> "<li>"
                    + Html.text(error.pointer() + ": " + error.detail()) + "</li>").collect(Collectors.joining())
                    + "</ul></div>");
        }
        html(res, html);
    }

    /** The viewer of the request's session; null after redirecting a request without one to the login. */
    private Layout.Viewer viewer(ServerRequest req, ServerResponse res) {
        Optional<ConsoleSessions.Session> session = sessions.find(cookie(req, SESSION_COOKIE));
        if (session.isEmpty()) {
            redirect(res, "/console/login");
            return null;
        }
        return new Layout.Viewer(session.get().role(), session.get().csrf());
    }

    private void loginForm(ServerRequest req, ServerResponse res, Status status, String problem) {
        String token = ConsoleSessions.random();
        res.header(HeaderNames.SET_COOKIE, cookie(req, LOGIN_COOKIE, token, "/console/login", 600));
        res.status(status);
        html(res, Layout.page("Log in", null, null, (problem == null ? ""
                : "<p role=\"alert\" class=\"problem\">" + Html.text(problem) + "</p>") + """
                <form method="post" action="/console/login" class="login">
                <input type="hidden" name="csrf" value="%s">
                <label for="key">Auditor or officer key</label>
                <input id="key" name="key" type="password" autocomplete="current-password" required autofocus>
                <button type="submit">Log in</button>
                </form>
                <p>Application keys cannot open the console.</p>
                """.formatted(token)));
    }

    private void login(ServerRequest req, ServerResponse res) {
        Map<String, String> form = form(req);
        String expected = cookie(req, LOGIN_COOKIE);
        if (expected == null || !same(expected, form.get("csrf"))) {
            loginForm(req, res, Status.FORBIDDEN_403, "The login form expired: try again");
            return;
        }
        StaffRole role;
        try {
            role = staff.role(form.getOrDefault("key", ""));
        } catch (ProblemException e) {
            loginForm(req, res, Status.create(e.status()), e.status() == 403
                    ? "Refused: this is an application's key. The console is for auditor and officer keys."
                    : "Refused: the key is not valid.");
            return;
        }
        res.header(HeaderNames.SET_COOKIE, cookie(req, SESSION_COOKIE, sessions.open(role), "/console",
                ConsoleSessions.LIFETIME.toSeconds()));
        redirect(res, "/console/overview");
    }

    private void logout(ServerRequest req, ServerResponse res) {
        Layout.Viewer viewer = viewer(req, res);
        if (viewer != null) {
            checkedForm(req, viewer);
            sessions.close(cookie(req, SESSION_COOKIE));
            res.header(HeaderNames.SET_COOKIE, cookie(req, SESSION_COOKIE, "", "/console", 0));
            redirect(res, "/console/login");
        }
    }

    /** The form of a POST whose CSRF token is the session's; 403 otherwise. */
    private Map<String, String> checkedForm(ServerRequest req, Layout.Viewer viewer) {
        Map<String, String> form = form(req);
        if (!same(viewer.csrf(), form.get("csrf"))) {
            throw new ProblemException(HttpProblem.FORBIDDEN, "The form's CSRF token is missing or not this session's");
        }
        return form;
    }

    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /** An application/x-www-form-urlencoded body; 415 for another type, 413 above the body limit. */
    private Map<String, String> form(ServerRequest req) {
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            throw new ProblemException(HttpProblem.UNSUPPORTED_MEDIA_TYPE, "Send the console's form");
        }
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.length > maxBodyBytes) {
            throw new ProblemException(HttpProblem.PAYLOAD_TOO_LARGE, "The form exceeds " + maxBodyBytes + " bytes");
        }
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String cookie(ServerRequest req, String name) {
        return req.headers().cookies().first(name).asOptional().orElse(null);
    }

    private static String cookie(ServerRequest req, String name, String value, String path, long maxAgeSeconds) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (req.isSecure() ? "; Secure" : "");
    }

    private static void asset(ServerRequest req, ServerResponse res) {
        String[] asset = ASSETS.get(req.path().pathParameters().get("name"));
        if (asset == null) {
            throw new ProblemException(HttpProblem.NOT_FOUND, "No such asset");
        }
        try (InputStream in = ConsoleRoutes.class.getClassLoader().getResourceAsStream(asset[0])) {
            if (in == null) {
                throw new IllegalStateException("asset missing from the jar: " + asset[0]);
            }
            res.header(HeaderNames.CONTENT_TYPE, asset[1] + "; charset=utf-8");
            res.header(HeaderNames.CACHE_CONTROL, "max-age=3600");
            res.send(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void html(ServerResponse res, String html) {
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "frame-ancestors 'none'");
        res.send(html);
    }

    private static void redirect(ServerResponse res, String location) {
        res.status(Status.SEE_OTHER_303);
        res.header(HeaderNames.LOCATION, location);
        res.send();
    }
}
