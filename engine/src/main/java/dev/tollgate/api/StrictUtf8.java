package dev.tollgate.api;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a body that is not well-formed UTF-8 (RFC 3629): overlong forms ({@code C0 AF}), code points beyond
 * U+10FFFF, surrogates encoded in UTF-8 ({@code ED A0 80}), stray continuation bytes and truncated sequences.
 * The JSON parser would read some of these as other characters, so the check runs before it.
 */
final class StrictUtf8 {
    private StrictUtf8() {
    }

    /** @throws ProblemException 400 invalid-utf8 naming the byte offset, line and column of the first bad byte */
    static void check(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        // No more chars than bytes come out, so a small body needs no larger buffer.
        CharBuffer out = CharBuffer.allocate(Math.clamp(body.length, 1, 8192));
        // With the end of input declared, a sequence cut short at the end is reported as malformed too.
        CoderResult result = decoder.decode(in, out, true);
        while (result.isOverflow()) {
            out.clear();
            result = decoder.decode(in, out, true);
        }
        if (result.isError()) {
            throw invalidAt(body, in.position());
        }
    }

    private static ProblemException invalidAt(byte[] body, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (body[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new ProblemException(HttpProblem.INVALID_UTF8,
                "The request body is not well-formed UTF-8 at byte " + offset + " (line " + line + ", byte "
                        + (offset - lineStart + 1) + " of the line)");
    }
}
