package dev.tollgate.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Whether a stored line may be a record of one of some types, told from its bytes without decoding or parsing it: the
 * log writes every line compact ({@link HashChain}), so a record of type t holds {@code "type":"t"} byte for byte. A
 * line that passes may still be of another type (a nested object can hold the same field): a reader checks the parsed
 * record's type as before. Given to {@link SegmentIndex#reading} so that indexing a sealed segment parses only the few
 * records it sums, not the decisions around them.
 */
public final class RecordTypes implements Predicate<byte[]> {
    private final List<byte[]> fields;

    private RecordTypes(List<byte[]> fields) {
        this.fields = fields;
    }

    public static RecordTypes of(String... types) {
        return new RecordTypes(Arrays.stream(types)
                .map(type -> ("\"type\":\"" + type + "\"").getBytes(StandardCharsets.UTF_8)).toList());
    }

    @Override
    public boolean test(byte[] line) {
        return fields.stream().anyMatch(field -> contains(line, field));
    }

    private static boolean contains(byte[] line, byte[] field) {
        for (int i = 0; i <= line.length - field.length; i++) {
            if (line[i] == field[0] && Arrays.equals(line, i, i + field.length, field, 0, field.length)) {
                return true;
            }
        }
        return false;
    }
}
