package dev.tollgate.policy.rego;

import dev.tollgate.facts.Facts;
import dev.tollgate.policy.LoadedPolicy;
import dev.tollgate.policy.PartialVerdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The Rego packs as served by a remote OPA: each pack's verdict is one Data API query, all packs of a
 * decision queried at once. OPA's decision id is kept on each partial verdict so that OPA's decision log
 * and Tollgate's can be joined.
 */
public final class RegoRemotePolicy extends LoadedPolicy {
    public static final String ENGINE = VerdictDocument.ENGINE;

    private final String revision;
    private final List<RegoPack> packs;
    private final OpaDataApi opa;

    RegoRemotePolicy(String digest, String revision, List<RegoPack> packs, Map<String, List<String>> rules, OpaDataApi opa) {
        super(ENGINE, digest, rules);
        this.revision = revision;
        this.packs = List.copyOf(packs);
        this.opa = opa;
    }

    /** The bundle revision the OPA server was checked to serve when this version was compiled. */
    public String revision() {
        return revision;
    }

    @Override
    public List<PartialVerdict> evaluate(Facts facts) {
        String input = VerdictDocument.input(facts);
        List<CompletableFuture<OpaDataApi.Answer>> queries = new ArrayList<>(packs.size());
        packs.forEach(pack -> queries.add(opa.query(pack.verdictEntrypoint(), input)));
        List<PartialVerdict> verdicts = new ArrayList<>(packs.size());
        for (int i = 0; i < packs.size(); i++) {
            OpaDataApi.Answer answer = opa.await(queries.get(i));
            verdicts.add(VerdictDocument.read(packs.get(i), answer.result(), answer.decisionId()));
        }
        return List.copyOf(verdicts);
    }

    @Override
    public String toString() {
        return "RegoRemotePolicy[" + opa.url() + ", " + digest() + ", revision " + revision + "]";
    }
}
