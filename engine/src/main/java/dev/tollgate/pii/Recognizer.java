package dev.tollgate.pii;

import java.util.List;

/** Finds one kind of entity in a text. Implementations are stateless and thread-safe. */
public interface Recognizer {
    List<Finding> recognize(String text);
}
