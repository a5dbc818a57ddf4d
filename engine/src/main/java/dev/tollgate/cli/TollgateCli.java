package dev.tollgate.cli;

import dev.tollgate.audit.PostgresStore;
import dev.tollgate.config.ConfigException;
import io.helidon.logging.common.LogConfig;

import java.util.Arrays;
import java.util.List;

/** The one entry point: ./tollgate serve | verify | replay | export | calibrate | bench. */
public final class TollgateCli {
    private static final String USAGE = """
            usage: tollgate <command> [options]
              serve   [--host ADDRESS] [--port N] [--data-dir DIR] [--policies DIR] [--config FILE]
                      [--engines drools,rego-wasm,rego-remote] [--opa-url URL] [--slm-model FILE]
                      run the service (defaults: 127.0.0.1 port 8080, ./data, ./policies, Drools and embedded Rego)
              verify  [--data-dir DIR] [--public-key FILE] [--checkpoints FILE] [--json]
                      check the decision log's hash chain and signed checkpoints (exit 1 names the first broken
                      or missing record) and how executions link to decisions (exit 3 on a linkage error)
              replay  [--data-dir DIR] [--candidate DIR] [--json]
                      re-evaluate every logged decision under the policy version that made it,
                      or under a candidate policy directory to see what would change
              export  [--data-dir DIR] [--from T] [--to T] [--format jsonl|csv]
                      write the decision and execution records to stdout (T: an ISO-8601 instant or a date, UTC;
                      from inclusive, to exclusive)
              calibrate [--data-dir DIR] [--target-disagreement 0.05] [--min-validated 30] [--json]
                      propose cascade thresholds per routing rule from the log's confidences, agreements
                      and cloud validations, as a diff of the routing table (changes nothing)
              bench   [--url URL] [--seconds N] [--concurrency N] [--warmup-seconds N]
                      [--mode decide|execute] [--max-tokens N]
                      drive /v1/decide (or decide then /v1/execute) over loopback and print throughput,
                      latency percentiles and, for execute, the gateway overhead
            """;

    static final int USAGE_ERROR = 2;

    private TollgateCli() {
    }

    public static void main(String[] argv) throws Exception {
        LogConfig.configureRuntime();
        int code = run(argv);
        if (code >= 0) {
            System.exit(code);
        }
    }

    /** Runs a command; returns its exit code (2: a usage or configuration error), or -1 while the service runs. */
    static int run(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.print(USAGE);
            return USAGE_ERROR;
        }
        List<String> rest = Arrays.asList(argv).subList(1, argv.length);
        try {
            return switch (argv[0]) {
                case "serve" -> ServeCommand.run(rest);
                case "verify" -> VerifyCommand.run(rest);
                case "replay" -> ReplayCommand.run(rest);
                case "export" -> ExportCommand.run(rest);
                case "calibrate" -> CalibrateCommand.run(rest);
                case "bench" -> BenchCommand.run(rest);
                default -> throw new Args.UsageException("unknown command: " + argv[0]);
            };
        } catch (Args.UsageException e) {
            System.err.println("tollgate: " + e.getMessage());
            System.err.print(USAGE);
            return USAGE_ERROR;
        } catch (ConfigException e) {
            System.err.println("tollgate: configuration: " + e.getMessage());
            return USAGE_ERROR;
        } catch (PostgresStore.StoreException e) {
            System.err.println("tollgate: " + e.getMessage());
            return 1;
        }
    }
}
