package dev.tollgate.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link LinkageChecker} remembers of each decision in the log, compact because a log holds millions.
 * <p>
 * A decision is a number {@code d} (0, 1, 2, ... in log order) into parallel arrays: its id as two longs, its
 * expiry in epoch microseconds, and one int packing whether it was allowed, how many execution_started and
 * execution records named it (each counted up to 3) and which set of permitted destinations it had (sets are
 * shared: a log has few distinct ones). That is 28 bytes, in arrays that grow by half when full; an
 * open-addressing index of int slots, at most 3/4 full, finds {@code d} from the id. Ids that are not
 * canonical lowercase UUIDs (the service writes only UUID v7) are indexed in an ordinary map instead.
 * Measured: about 40 bytes per decision.
 */
final class DecisionStates {
    static final int NOT_FOUND = -1;
    /** In place of a time that could not be read (an expiry, a start). */
    static final long NO_TIME = Long.MIN_VALUE;

    private static final int COUNT_MASK = 0b11;
    private static final int STARTS_SHIFT = 0;
    private static final int OUTCOMES_SHIFT = 2;
    private static final int ALLOWED = 1 << 4;
    private static final int OTHER_ID = 1 << 5;
    private static final int SET_SHIFT = 8;
    private static final int INITIAL = 1024;

    private long[] idHigh = new long[INITIAL];
    private long[] idLow = new long[INITIAL];
    private long[] expiryMicros = new long[INITIAL];
    private int[] packed = new int[INITIAL];
    private int size;
    /** d + 1 of the UUID-keyed decisions, 0 for an empty slot; the length is a power of two. */
    private int[] slots = new int[INITIAL * 2];
    private int indexed;
    private final Map<String, Integer> otherIds = new HashMap<>();
    private final Map<List<String>, Integer> setIds = new HashMap<>();
    private final List<List<String>> sets = new ArrayList<>();
    private final long[] key = new long[2];

    int size() {
        return size;
    }

    /** The decision with that id, or {@link #NOT_FOUND}. */
    int find(String id) {
        if (!uuidKey(id)) {
            return otherIds.getOrDefault(id, NOT_FOUND);
        }
        for (int slot = home(key[0], key[1]); slots[slot] != 0; slot = (slot + 1) & (slots.length - 1)) {
            int d = slots[slot] - 1;
            if (idHigh[d] == key[0] && idLow[d] == key[1]) {
                return d;
            }
        }
        return NOT_FOUND;
    }

    /** Adds a decision not added before and returns its number. */
    int add(String id, boolean allowed, List<String> permitted, long expiry) {
        if (size == packed.length) {
            grow();
        }
        int d = size++;
        expiryMicros[d] = expiry;
        packed[d] = (setId(permitted) << SET_SHIFT) | (allowed ? ALLOWED : 0);
        if (!uuidKey(id)) {
            packed[d] |= OTHER_ID;
            otherIds.put(id, d);
            return d;
        }
        idHigh[d] = key[0];
        idLow[d] = key[1];
        if (++indexed > slots.length / 4 * 3) {
            rehash();
        } else {
            insert(d);
        }
        return d;
    }

    boolean allowed(int d) {
        return (packed[d] & ALLOWED) != 0;
    }

    List<String> permitted(int d) {
        return sets.get(packed[d] >>> SET_SHIFT);
    }

    long expiryMicros(int d) {
        return expiryMicros[d];
    }

    /** execution_started records for the decision so far, 3 meaning 3 or more. */
    int starts(int d) {
        return count(d, STARTS_SHIFT);
    }

    void countStart(int d) {
        increment(d, STARTS_SHIFT);
    }

    /** execution records for the decision so far, 3 meaning 3 or more. */
    int outcomes(int d) {
        return count(d, OUTCOMES_SHIFT);
    }

    void countOutcome(int d) {
        increment(d, OUTCOMES_SHIFT);
    }

    private int count(int d, int shift) {
        return (packed[d] >>> shift) & COUNT_MASK;
    }

    private void increment(int d, int shift) {
        if (count(d, shift) < COUNT_MASK) {
            packed[d] += 1 << shift;
        }
    }

    private int setId(List<String> permitted) {
        return setIds.computeIfAbsent(List.copyOf(permitted), set -> {
            if (sets.size() == 1 << (Integer.SIZE - SET_SHIFT)) {
                throw new IllegalStateException("more distinct permitted-destination sets than can be tracked");
            }
            sets.add(set);
            return sets.size() - 1;
        });
    }

    /** Doubles the index and reinserts every UUID-keyed decision. */
    private void rehash() {
        slots = new int[slots.length * 2];
        for (int d = 0; d < size; d++) {
            if ((packed[d] & OTHER_ID) == 0) {
                insert(d);
            }
        }
    }

    private void insert(int d) {
        int slot = home(idHigh[d], idLow[d]);
        while (slots[slot] != 0) {
            slot = (slot + 1) & (slots.length - 1);
        }
        slots[slot] = d + 1;
    }

    private int home(long high, long low) {
        long mixed = (high ^ Long.rotateLeft(low, 32)) * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> (64 - Integer.numberOfTrailingZeros(slots.length)));
    }

    private void grow() {
        int capacity = packed.length + (packed.length >> 1);
        idHigh = Arrays.copyOf(idHigh, capacity);
        idLow = Arrays.copyOf(idLow, capacity);
        expiryMicros = Arrays.copyOf(expiryMicros, capacity);
        packed = Arrays.copyOf(packed, capacity);
    }

    /** Parses a canonical lowercase UUID ({@code 8-4-4-4-12} hex digits) into {@link #key}. */
    private boolean uuidKey(String id) {
        if (id.length() != 36) {
            return false;
        }
        long high = 0;
        long low = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash != (c == '-')) {
                return false;
            }
            if (dash) {
                continue;
            }
            int nibble = Character.digit(c, 16);
            if (nibble < 0 || Character.isUpperCase(c)) {
                return false;
            }
            if (digits++ < 16) {
                high = (high << 4) | nibble;
            } else {
                low = (low << 4) | nibble;
            }
        }
        key[0] = high;
        key[1] = low;
        return true;
    }
}
