package dev.tollgate.pii.ner;

/**
 * Fills a template such as "{PER} moved to {CITY} in {MONTH}." with values for one language, labelling the
 * slots that produce entities. "\n" in a template is a line break. Entities of one type separated by a single
 * space ("{FIRST} {LAST}") form one entity.
 */
public final class TemplateFiller {
    private TemplateFiller() {
    }

    public static AnnotatedText fill(String template, SlotValues values) {
        AnnotatedText.Builder text = new AnnotatedText.Builder(values.language());
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                text.text(template.substring(i));
                break;
            }
            int close = template.indexOf('}', open);
            text.text(template.substring(i, open));
            String slot = template.substring(open + 1, close);
            String type = values.typeOf(slot);
            String value = values.value(slot);
            if (type == null) {
                text.text(value);
            } else if (text.endsWithEntity(type, " ")) {
                text.extendEntity(value);
            } else {
                text.entity(type, value);
            }
            i = close + 1;
        }
        return text.build();
    }
}
