package dev.tollgate.execute.cloud;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.tollgate.execute.Generation;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One streamed attempt: receives the answer on LangChain4j's thread and relays it on the caller's, so that the
 * caller's consumer runs on the caller's thread and a stalled stream can be timed out there.
 */
final class StreamRelay implements StreamingChatResponseHandler {

    private sealed interface Event {
    }

    private record Piece(String text, StreamingHandle handle) implements Event {
    }

    private record Completed(ChatResponse response) implements Event {
    }

    private record Failed(Throwable error) implements Event {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    @Override
    public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
        events.add(new Piece(partialResponse.text(), context.streamingHandle()));
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
        events.add(new Completed(completeResponse));
    }

    @Override
    public void onError(Throwable error) {
        events.add(new Failed(error));
    }

    /**
     * Hands each piece to {@code onText} until the answer is complete. Fails when nothing arrives for
     * {@code idleTimeout}; a failure after the first piece is not retryable.
     */
    Generation relay(Consumer<String> onText, Duration idleTimeout) throws AttemptFailure {
        StringBuilder text = new StringBuilder();
        StreamingHandle handle = null;
        while (true) {
            Event event;
            try {
                event = events.poll(idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel(handle);
                throw AttemptFailure.of(e);
            }
            switch (event) {
                case null -> {
                    cancel(handle);
                    throw afterPieces(AttemptFailure.timeout(), text);
                }
                case Piece piece -> {
                    handle = piece.handle();
                    onText.accept(piece.text());
                    text.append(piece.text());
                }
                case Completed completed -> {
                    return OpenAiExecutor.generation(text.toString(), completed.response());
                }
                case Failed failed -> throw afterPieces(AttemptFailure.of(failed.error()), text);
            }
        }
    }

    private static AttemptFailure afterPieces(AttemptFailure failure, StringBuilder text) {
        return text.isEmpty() ? failure : failure.withoutRetry();
    }

    private static void cancel(StreamingHandle handle) {
        if (handle != null) {
            handle.cancel();
        }
    }
}
