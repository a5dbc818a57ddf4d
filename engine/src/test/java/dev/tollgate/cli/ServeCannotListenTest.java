package dev.tollgate.cli;

import dev.tollgate.audit.DataDirLock;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A serve that cannot take its port ends at once with a non-zero exit, rather than looking up and serving nothing. */
class ServeCannotListenTest {

    @Test
    void aServeOnAPortInUseExitsNamingThePortAndFreesItsDataDirectory() throws Exception {
        try (TestService holder = TestService.start()) {
            Path data = Files.createTempDirectory("tollgate-not-listening");
            CliProcess refused = CliProcess.run(Map.of("TOLLGATE_POLICIES_DIR", TestService.POLICIES.toString(),
                            "TOLLGATE_REGO_DIR", TestService.REGO_BUNDLE.toString()),
                    "serve", "--port", Integer.toString(holder.port()), "--data-dir", data.toString());

            assertEquals(ServeCommand.NOT_LISTENING, refused.exitCode(), refused.output());
            assertTrue(refused.output().contains("cannot listen on 127.0.0.1 port " + holder.port()), refused.output());
            DataDirLock.acquire(data).close();
            assertEquals(200, holder.decide(TestService.CLAIMS_KEY, Samples.BODIES.getFirst()).statusCode());
        }
    }
}
