package dev.tollgate.api.openai;

import io.helidon.webserver.http.HttpRouting;

/** The OpenAI-compatible routes; register them before any catch-all route. Other methods get 405. */
public final class OpenAiRoutes {
    public static final String CHAT_COMPLETIONS = "/v1/chat/completions";
    public static final String MODELS = "/v1/models";

    private OpenAiRoutes() {
    }

    public static void register(HttpRouting.Builder routing, ChatCompletionsHandler chat, ModelsHandler models) {
        routing.any(CHAT_COMPLETIONS, chat).register(MODELS, models);
    }
}
