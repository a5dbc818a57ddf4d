package dev.tollgate.console;

import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's login, session cookie and CSRF protection over plain HTTP, and its assets served from the jar with
 * nothing fetched from elsewhere.
 */
class ConsoleSessionTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start(TestService.POLICIES, List.of("drools"));
        assertEquals(200, service.decide(TestService.CLAIMS_KEY, Samples.BODIES.getFirst()).statusCode());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private record Form(String cookie, String csrf) {
    }

    private static Form loginForm() {
        HttpResponse<String> page = service.get("/console/login");
        assertEquals(200, page.statusCode());
        return new Form(cookieOf(page), csrf(page.body()));
    }

    private static String cookieOf(HttpResponse<String> response) {
        return response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }

    private static HttpResponse<String> post(String path, String cookie, String form) {
        return service.send(HttpRequest.newBuilder(service.uri(path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static HttpResponse<String> get(String path, String cookie) {
        return service.send(HttpRequest.newBuilder(service.uri(path)).header("Cookie", cookie).GET().build());
    }

    private static HttpResponse<String> logIn(String key) {
        Form form = loginForm();
        return post("/console/login", form.cookie(), "csrf=" + form.csrf() + "&key="
                + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    @Test
    void aLoginWithAnAuditorKeySetsAnHttpOnlySameSiteStrictSessionCookie() {
        HttpResponse<String> login = logIn(AuditApiTest.AUDITOR);
        assertEquals(303, login.statusCode());
        assertEquals("/console/overview", login.headers().firstValue("Location").orElseThrow());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith(ConsoleRoutes.SESSION_COOKIE + "="), cookie);
        assertTrue(cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Strict"), cookie);
        assertFalse(cookie.contains("Secure"), "no TLS here: " + cookie);
        HttpResponse<String> overview = get("/console/overview", cookieOf(login));
        assertEquals(200, overview.statusCode());
        assertTrue(overview.body().contains("<h1>Overview</h1>"));
    }

    @Test
    void applicationAndUnknownKeysAreRefusedAndPagesNeedASession() {
        HttpResponse<String> application = logIn(TestService.CLAIMS_KEY);
        assertEquals(403, application.statusCode());
        assertTrue(application.body().contains("application&#39;s key"), application.body());
        assertFalse(application.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(ConsoleRoutes.SESSION_COOKIE)));
        assertEquals(401, logIn("not-a-key").statusCode());
        for (String page : List.of("/console", "/console/overview", "/console/decisions", "/console/what-if",
                "/console/policies")) {
            HttpResponse<String> response = get(page, ConsoleRoutes.SESSION_COOKIE + "=forged");
            assertEquals(303, response.statusCode(), page);
            assertTrue(response.headers().firstValue("Location").orElseThrow().startsWith("/console/"), page);
        }
    }

    @Test
    void everyPostNeedsTheSessionsCsrfToken() {
        Form form = loginForm();
        assertEquals(403, post("/console/login", form.cookie(), "csrf=0123&key=" + AuditApiTest.AUDITOR).statusCode());
        String session = cookieOf(logIn(AuditApiTest.AUDITOR));
        String token = csrf(get("/console/what-if", session).body());
        HttpResponse<String> forged = post("/console/what-if", session, "csrf=" + "0".repeat(64) + "&engine=drools");
        assertEquals(403, forged.statusCode());
        assertEquals(403, post("/console/logout", session, "").statusCode());
        assertEquals(200, post("/console/what-if", session, "csrf=" + token + "&engine=drools&base=&from=2999-01-01")
                .statusCode());
        HttpResponse<String> logout = post("/console/logout", session, "csrf=" + token);
        assertEquals(303, logout.statusCode());
        assertEquals(303, get("/console/overview", session).statusCode());
    }

    @Test
    void theDecisionListPagesAndABadFilterIsShownAsAProblem() {
        String session = cookieOf(logIn(AuditApiTest.AUDITOR));
        assertEquals(200, service.decide(TestService.CLAIMS_KEY, Samples.BODIES.get(1)).statusCode());
        String first = get("/console/decisions?limit=1", session).body();
        Matcher older = Pattern.compile("href=\"(/console/decisions\\?[^\"]*offset=1)\"").matcher(first);
        assertTrue(older.find(), first);
        HttpResponse<String> second = get(older.group(1).replace("&amp;", "&"), session);
        assertEquals(200, second.statusCode(), second.body());
        assertTrue(second.body().contains(">Newer<"), second.body());
        HttpResponse<String> bad = get("/console/decisions?effect=maybe", session);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("effect must be allow or deny"), bad.body());
    }

    @Test
    void anAuditorSessionUploadsNoCandidateFiles() {
        String session = cookieOf(logIn(AuditApiTest.AUDITOR));
        String token = csrf(get("/console/what-if", session).body());
        HttpResponse<String> upload = post("/console/what-if", session, "csrf=" + token
                + "&engine=drools&path=gdpr%2Fgdpr.drl&content=rule");
        assertEquals(403, upload.statusCode());
        assertTrue(upload.body().contains("Only an officer"), upload.body());
    }

    @Test
    void scriptsAndStylesComeFromTheJarAndNoPageNamesAnotherHost() {
        for (String asset : List.of("htmx.js", "uPlot.iife.min.js", "uPlot.min.css", "console.js", "console.css")) {
            HttpResponse<String> response = service.get("/console/assets/" + asset);
            assertEquals(200, response.statusCode(), asset);
            assertTrue(response.body().length() > 500, asset);
        }
        assertTrue(service.get("/console/assets/htmx.js").body().contains("htmx"));
        assertEquals(404, service.get("/console/assets/..%2Fapplication.yaml").statusCode());
        String session = cookieOf(logIn(AuditApiTest.AUDITOR));
        for (String page : List.of("/console/overview", "/console/decisions", "/console/what-if", "/console/policies")) {
            String html = get(page, session).body();
            assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), page);
        }
    }
}
