package dev.tollgate.cli;

import dev.tollgate.config.ConfigException;
import dev.tollgate.config.TollgateConfig;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `serve --host` (TOLLGATE_HOST): loopback unless told otherwise; a value that is no address stops the start. */
class ServeHostTest {
    @Test
    void theServiceListensOnLoopbackByDefault() throws Exception {
        assertEquals("127.0.0.1", TollgateConfig.load(null, Map.of()).server().host());
        try (TestService service = TestService.start(TestService.POLICIES, List.of("drools"))) {
            assertTrue(accepts("127.0.0.1", service.port()));
            // Another address of the loopback range: a socket bound to 127.0.0.1 alone does not answer there.
            assertFalse(accepts("127.0.0.2", service.port()));
        }
    }

    @Test
    void everyInterfaceWhenTheHostIsTheWildcard() throws Exception {
        try (TestService service = TestService.start(TestService.POLICIES, List.of("drools"),
                Map.of("TOLLGATE_HOST", "0.0.0.0"))) {
            assertTrue(accepts("127.0.0.2", service.port()));
        }
    }

    @Test
    void addressesAndHostNamesAreAccepted() throws Exception {
        for (String host : List.of("0.0.0.0", "::", "::1", "10.1.2.3", "localhost", "tollgate.internal", "db-1")) {
            assertEquals(host, TollgateConfig.load(null, Map.of("TOLLGATE_HOST", host)).server().host());
        }
    }

    @Test
    void aValueThatIsNoAddressIsRefusedNamingTheVariable() {
        for (String host : List.of("", "0.0.0.0.0", "256.1.1.1", "::g", "my host", "-db", "db_1", "http://x")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> TollgateConfig.load(null, Map.of("TOLLGATE_HOST", host)), host);
            assertTrue(e.getMessage().startsWith("environment TOLLGATE_HOST: /server/host: \"" + host
                    + "\" is not an address to listen on"), e.getMessage());
        }
    }

    @Test
    void serveWithABadHostExitsWithAUsageErrorBeforeStarting() throws Exception {
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.tollgate.cli.TollgateCli",
                "serve", "--host", "not an address").redirectErrorStream(true).start();
        serve.getOutputStream().close();
        assertTrue(serve.waitFor(60, TimeUnit.SECONDS));
        String output = new String(serve.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, serve.exitValue(), output);
        assertTrue(output.contains("--host: /server/host: \"not an address\" is not an address to listen on"), output);
    }

    private static boolean accepts(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
