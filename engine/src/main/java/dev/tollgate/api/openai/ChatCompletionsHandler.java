package dev.tollgate.api.openai;

import dev.tollgate.api.DecideRequestParser;
import dev.tollgate.api.HttpProblem;
import dev.tollgate.api.ProblemException;
import dev.tollgate.api.RequestGuard;
import dev.tollgate.api.Responses;
import dev.tollgate.api.ServiceMetrics;
import dev.tollgate.config.Application;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.terms.ClientAbortException;
import dev.tollgate.api.DetectorProblems;
import dev.tollgate.decision.Decision;
import dev.tollgate.execute.ChatGateway;
import dev.tollgate.execute.Execution;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;

/**
 * POST /v1/chat/completions, OpenAI-compatible: decides and executes in one call, streamed or not. Checks run as
 * on /v1/decide (API key, content type, size, JSON, fields); every failure is answered in OpenAI's error shape
 * (see {@link OpenAiError}), a denied decision as 403 policy_denied, an answer held for human review as 403
 * review_pending naming the review (never streamed). Answers made after the decision carry its X-Tollgate-*
 * headers.
 */
public final class ChatCompletionsHandler implements Handler {
    private static final HeaderName TASK_HEADER = HeaderNames.create(ChatRequestParser.TASK_HEADER);
    private static final HeaderName COUNTRY_HEADER = HeaderNames.create(ChatRequestParser.COUNTRY_HEADER);
    private final RequestGuard guard;
    private final ChatRequestParser parser;
    private final ChatGateway gateway;
    private final OpenAiFailures failures;

    /**
     * @param decideParser     the /v1/decide parser, whose checks the Tollgate inputs pass too
     * @param maxBodyBytes     the largest request body accepted (413 beyond)
     * @param defaultMaxTokens the answer's token limit when the request sets none (1 to 4096)
     */
    public ChatCompletionsHandler(ApplicationRegistry registry, DecideRequestParser decideParser, ChatGateway gateway,
                                  ServiceMetrics metrics, long maxBodyBytes, int defaultMaxTokens) {
        this.guard = new RequestGuard(registry, maxBodyBytes);
        this.parser = new ChatRequestParser(decideParser, defaultMaxTokens);
        this.gateway = gateway;
        this.failures = new OpenAiFailures(metrics);
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        failures.answer(req, res, this::complete);
    }

    private void complete(ServerRequest req, ServerResponse res) {
        OpenAiFailures.requireMethod(req, res, Method.POST);
        RequestGuard.Checked checked = guard.check(req);
        ChatRequest chat = parser.parse(checked.body(), req.headers().first(TASK_HEADER),
                req.headers().first(COUNTRY_HEADER));
        long created = Instant.now().getEpochSecond();
        if (chat.stream()) {
            stream(req, res, checked.caller(), chat, created);
        } else {
            // The decision's headers go out with the answer, or with the error if the execution then fails.
            ChatGateway.Result result = gateway.chat(checked.caller(), chat.decide(), chat.maxTokens(), chat.options(),
                    new ChatGateway.Listener() {
                        @Override
                        public void decided(Decision decision, String disclosure) {
                            DecisionHeaders.decided(res, decision);
                        }

                        @Override
                        public void text(String piece) {
                        }
                    });
            DecisionHeaders.review(res, result.execution());
            Execution execution = executed(result);
            guard.spent(checked.caller(), execution);
            DecisionHeaders.disclosure(res, execution.disclosure());
            DecisionHeaders.validation(res, execution.validationId());
            Responses.json(res, 200, ChatCompletion.of(created, execution));
        }
    }

    private void stream(ServerRequest req, ServerResponse res, Application caller, ChatRequest chat, long created) {
        SseStream sse = new SseStream(res, created);
        try {
            ChatGateway.Result result = gateway.chat(caller, chat.decide(), chat.maxTokens(), chat.options(), sse);
            Execution execution = executed(result);
            guard.spent(caller, execution);
            sse.finish(execution, chat.includeUsage());
        } catch (ClientAbortException e) {
            failures.aborted(e, req);
        } catch (RuntimeException e) {
            if (!sse.started()) {
                throw e;
            }
            sse.fail(failures.counted(e, req));
        }
    }

    /**
     * The execution of an allowed result; 403 policy_denied naming the rules that denied when denied, 403
     * review_pending naming the review when the answer is held for a reviewer.
     */
    private static Execution executed(ChatGateway.Result result) {
        Execution execution = result.execution();
        if (execution != null && execution.review() != null) {
            String id = execution.review().id();
            throw new ProblemException(HttpProblem.REVIEW_PENDING, "The answer is held until a reviewer approves it "
                    + "(human oversight of a high-risk use, EU AI Act Art. 14): review " + id + "; GET /v1/reviews/"
                    + id + " with this API key gives it once approved");
        }
        if (execution != null) {
            return execution;
        }
        DetectorProblems.requireDetectorsAnswered(result.decision());
        String rules = String.join(", ", result.decision().deniedBy());
        throw new ProblemException(HttpProblem.POLICY_DENIED,
                rules.isEmpty() ? "Denied by policy" : "Denied by policy rule(s): " + rules);
    }
}
