package dev.tollgate.pii.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordShapeTest {
    @Test
    void shapesDescribeCaseDigitsAndScript() {
        assertEquals("lc", WordShape.of("soup"));
        assertEquals("ic", WordShape.of("Jensen"));
        assertEquals("ac", WordShape.of("DUBLIN"));
        assertEquals("mc", WordShape.of("McDonald"));
        assertEquals("ic1", WordShape.of("K"));
        assertEquals("num", WordShape.of("3704"));
        assertEquals("an", WordShape.of("DE89"));
        assertEquals("p", WordShape.of("?!"));
        assertEquals("ic", WordShape.of("Żółć"));
        assertEquals("ic:cyri", WordShape.of("Мария"));
        assertEquals("ac:gree", WordShape.of("ΑΘΗΝΑ"));
    }
}
