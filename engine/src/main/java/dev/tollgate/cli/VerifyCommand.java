package dev.tollgate.cli;

import dev.tollgate.Json;
import dev.tollgate.audit.ChainVerifier;
import dev.tollgate.audit.LinkageChecker;
import dev.tollgate.audit.LinkageReport;
import dev.tollgate.audit.VerifyReport;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the decision log: its hash chain, then how execution records link to decisions (docs/audit.md).
 * Exit 0 when both are sound (linkage warnings allowed), 1 when the chain is broken, 3 when the chain is intact
 * but the linkage has errors.
 */
final class VerifyCommand {
    static final int CHAIN_BROKEN = 1;
    static final int LINKAGE_ERRORS = 3;

    private VerifyCommand() {
    }

    static int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, Set.of("--data-dir"), Set.of("--json"));
        Path logDir = Path.of(args.get("--data-dir").orElse("data")).resolve("log");
        long started = System.nanoTime();
        LinkageChecker linkage = new LinkageChecker();
        VerifyReport chain = new ChainVerifier().verify(logDir, linkage);
        LinkageReport links = linkage.finish(chain.ok());
        Speed speed = Speed.since(started, chain.recordsChecked(), "records");
        if (args.has("--json")) {
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(Map.of("chain", chain, "linkage", links, "speed", speed)));
        } else {
            System.out.print(chain.render());
            System.out.print(links.render());
            System.out.print(speed.render());
        }
        if (!chain.ok()) {
            return CHAIN_BROKEN;
        }
        return links.ok() ? 0 : LINKAGE_ERRORS;
    }
}
