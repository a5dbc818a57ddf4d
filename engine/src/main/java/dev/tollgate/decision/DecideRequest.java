package dev.tollgate.decision;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A validated /v1/decide request. Only what the caller may say: the application comes from the API key,
 * and hints can only make the decision stricter.
 *
 * @param subjectCountry ISO 3166-1 alpha-2 code, or null when the caller does not know it
 * @param hintCategories sensitivity classes the caller declares; added to what Tollgate detects
 * @param maxLatencyMs   the caller's latency budget, 0 when none
 */
public record DecideRequest(String taskType, String subjectCountry, List<Message> messages,
                            List<String> hintCategories, int maxLatencyMs) {
    public DecideRequest {
        messages = List.copyOf(messages);
        hintCategories = List.copyOf(hintCategories);
    }

    /**
     * One message. An assistant message may carry the tool calls the model made, a "tool" message the id of the call
     * whose result it is; both are left out of the JSON when absent, so that a message without them reads as before.
     */
    public record Message(String role, String content,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ToolCall> toolCalls, String toolCallId) {
        public Message {
            toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        }

        public Message(String role, String content) {
            this(role, content, List.of(), null);
        }

        /** What a detector reads: the content, then the arguments of each tool call on a line of its own. */
        public String text() {
            StringBuilder text = new StringBuilder(content);
            toolCalls.forEach(call -> text.append('\n').append(call.arguments()));
            return text.toString();
        }

        /** The same message with other content and tool calls (masked or restored). */
        public Message with(String content, List<ToolCall> toolCalls) {
            return new Message(role, content, toolCalls, toolCallId);
        }
    }

    /** A function call the model asked for: its id, the function's name, and the arguments as a JSON text. */
    public record ToolCall(String id, String name, String arguments) {
        public ToolCall withArguments(String arguments) {
            return new ToolCall(id, name, arguments);
        }

        /** Without the arguments, which may hold personal values. */
        @Override
        public String toString() {
            return "ToolCall[" + id + ", " + name + "]";
        }
    }
}
