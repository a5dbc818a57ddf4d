package dev.tollgate.pii.recognizers;

import dev.tollgate.pii.DetectionWork;
import dev.tollgate.pii.Finding;
import dev.tollgate.pii.Recognizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PERSON by context rules, until a trained NER model takes over: one to four capitalised name tokens
 * (hyphenated names, O'Brien, McDonald, an all-caps surname after the first token, particles such as von, van,
 * de, di, da, del, la between them) directly after a trigger in one of the five languages: a title (Mr, Frau,
 * Mme, Sra., Sig.ra, ...), a self-introduction ("my name is", "je m'appelle", "me llamo", ...), a label
 * ("Name:", "Nom :", ...), a role ("patient", "Kunde", "client", ...) or a letter closing ("Regards,",
 * "Mit freundlichen Grüßen", ...). Capitalised function words ("The", "Der", "Le", ...) end a name.
 *
 * <p>Words are looked up by their first word in a trigger table rather than matched with one large
 * alternation, which java.util.regex would try at every position of the text.
 */
public final class PersonRecognizer implements Recognizer {
    private static final String SPEAKER_LABEL = "capitalised name as speaker label at line start";
    /** Outside a dialogue one name heading a line ("Aurélien : le colis ..."); NegativeRules wants a given name. */
    private static final String LONE_SPEAKER_LABEL = "one name as the speaker label of a single line";
    /** Named after its author: "rapport Lefort", "relazione Guidotti", "Gutachten Brenninkmeyer". */
    private static final String DOCUMENT_WORD = "document word";
    private static final String AFTER_DOCUMENT_WORD = "capitalised name after " + DOCUMENT_WORD;
    /** A surname after the office or team role it holds: "L'allenatore Ranieri", "le maire Castagnier". */
    private static final String OFFICE_WORD = "office or team role";
    private static final String AFTER_OFFICE_WORD = "capitalised name after " + OFFICE_WORD;
    private static final String TYPE = "PERSON";
    private static final int MAX_TRIGGER_WORD = 12;
    private static final int MAX_CHAINED_TITLES = 2;

    private static final String LOWER = "[\\p{Ll}\\p{M}]{1,30}+";
    private static final String END = "(?![\\p{L}\\p{M}\\p{N}])";
    private static final String TOKEN =
            "(?:\\p{Lu}['’])?\\p{Lu}" + LOWER + "(?:\\p{Lu}" + LOWER + ")?(?:-\\p{Lu}" + LOWER + "){0,2}+" + END;
    private static final String CAPS_TOKEN = "\\p{Lu}{2,30}+(?:-\\p{Lu}{2,30}+)?+" + END;
    private static final Set<String> PARTICLES = Set.of(
            "von", "van", "de", "di", "da", "del", "della", "der", "den", "du", "des", "la", "le", "zu", "dos", "das",
            "ten", "ter");
    private static final String PARTICLE = "(?:" + String.join("|", PARTICLES) + ")";
    private static final String SPACE = "[ \\u00A0]";
    /** An initial: "R. J. Okonkwo", "John T. Whitaker". */
    private static final String INITIAL = "\\p{Lu}\\." + SPACE;
    private static final Pattern NAME = Pattern.compile(
            "(?:" + PARTICLE + SPACE + "){0,2}(?:" + INITIAL + "){0,2}" + TOKEN
                    + "(?:" + SPACE + "(?:" + PARTICLE + SPACE + "){0,2}(?:" + INITIAL + ")?(?:" + TOKEN + "|"
                    + CAPS_TOKEN + ")){0,3}");

    /** Capitalised words that start sentences or clauses rather than names. */
    private static final Set<String> NOT_NAMES = Set.of(
            "The", "A", "An", "And", "Or", "Of", "In", "On", "At", "To", "For", "With", "From", "By", "Is", "Was",
            "Are", "I", "We", "You", "He", "She", "It", "They", "My", "Your", "His", "Her", "Our", "This", "That",
            "Thank", "Thanks", "Hello", "Hi", "Dear", "Not", "Here", "Sorry",
            "Der", "Die", "Das", "Und", "Oder", "Ein", "Eine", "Ist", "Ich", "Sie", "Er", "Wir", "Mit", "Danke", "Hallo",
            "Le", "La", "Les", "Et", "Ou", "Un", "Une", "Est", "Je", "Il", "Elle", "Nous", "Vous", "Merci", "Bonjour",
            "El", "Los", "Las", "Y", "Es", "Yo", "Usted", "Gracias", "Hola",
            "Lo", "Gli", "E", "Io", "Lei", "Grazie", "Ciao", "Buongiorno", "Ihre", "Ihr", "Ihren", "Ihrer", "Unsere",
            "Votre", "Vos", "Notre", "Su", "Sus", "Nuestra", "Nuestro", "Sua", "Suo", "Vostra", "Vostro", "Nostra");

    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "der", "die", "das", "dem", "den", "le",
            "la", "les", "el", "los", "las", "il", "lo", "gli", "un", "una", "une", "ein", "eine", "my", "your", "our",
            "his", "her", "their", "mein", "meine", "unser", "unsere", "mon", "ma", "notre", "mi", "nuestro", "mio",
            "mia", "nostro");
    /** A speaker's name at the start of a line: one or two name tokens, then a colon ("John: You saved my life!"). */
    private static final Pattern SPEAKER = Pattern.compile(TOKEN + "(?:" + SPACE + "(?<second>" + TOKEN + "))?"
            + "[ \\u00A0]?:(?=[ \\u00A0\\n])");
    /** Second words of two-word field labels ("Delivery Date:", "Order Status:"), which are not a surname. */
    private static final Set<String> FIELD_NOUNS = Set.of("date", "time", "number", "no", "amount", "method",
            "status", "type", "id", "code", "reference", "details", "info", "address", "name", "total", "fee",
            "datum", "nummer", "betrag", "zeit", "art", "numéro", "montant", "heure", "número", "importe", "hora",
            "numero", "importo", "ora", "data", "fecha");
    /** A name of one or two tokens before a verb of speaking ("Mateus asked", "Kofi demande"). */
    private static final Pattern SPEAKING = Pattern.compile(TOKEN + "(?:" + SPACE + TOKEN + ")?(?=" + SPACE
            + "(?:said|says|asked|asks|wrote|writes|replied|replies|told|sagt|sagte|fragt|fragte|schreibt|schrieb"
            + "|antwortet|antwortete|dit|demande|demandait|écrit|répond|dice|dijo|pregunta|preguntó|escribe"
            + "|escribió|responde|respondió|chiede|chiedeva|scrive|risponde|rispose)" + END + ")");
    /**
     * Speaker labels count only in a dialogue: one line headed "Silver Moon:" or "Abschnitt Vier:" is a heading or
     * a field far more often than a speaker.
     */
    private static final int MIN_TURNS = 2;
    /** Capitalised words that head a line as a field or section label rather than a speaker's name. */
    private static final Set<String> FIELD_LABELS = Set.of(
            "subject", "from", "to", "cc", "date", "re", "fwd", "note", "notes", "agent", "customer", "address",
            "card", "company", "city", "email", "phone", "tel", "fax", "total", "status", "order", "ticket",
            "summary", "action", "actions", "update", "warning", "attention", "important", "reminder", "answer",
            "question", "step", "guests", "contact", "billing", "invoice", "user", "assistant", "system", "bot",
            "support", "host", "tip", "ps", "nb", "todo", "time", "where", "when", "price", "result", "results",
            "betreff", "von", "an", "datum", "firma", "anschrift", "adresse", "karte", "hinweis", "wichtig",
            "achtung", "frage", "antwort", "schritt", "gäste", "kunde", "kundin", "stadt", "ort", "preis",
            "objet", "de", "à", "société", "carte", "ville", "remarque", "étape", "invités", "réponse",
            "prix", "asunto", "para", "empresa", "dirección", "tarjeta", "ciudad", "aviso", "nota", "paso",
            "invitados", "respuesta", "pregunta", "precio", "tareas", "oggetto", "da", "ditta", "indirizzo",
            "carta", "città", "avviso", "passo", "ospiti", "risposta", "domanda", "prezzo", "cliente");

    private enum Kind {
        TITLE("title", 0.8), INTRODUCTION("self-introduction", 0.8), LABEL("label", 0.75), ROLE("role word", 0.7),
        SIGNATURE("letter closing", 0.7), THANKS("thanks closing a message", 0.7),
        SELF_REFERENCE("self-reference", 0.7), RELATIVE("word for a relative or acquaintance", 0.7),
        SPEAKER("speaker label", 0.7), SPEAKING("verb of speaking", 0.6),
        DOCUMENT(DOCUMENT_WORD, 0.7), OFFICE(OFFICE_WORD, 0.7);

        final String description;
        final double score;

        Kind(String description, double score) {
            this.description = description;
            this.score = score;
        }
    }

    /** @param caseSensitive titles only: "M." is a title, "m." is not */
    private record Trigger(String phrase, Kind kind, boolean caseSensitive) {
        boolean needsColon() {
            return kind == Kind.LABEL;
        }

        /** "Thanks, John!" may address the reader; "Thanks,\nJohn" signs the message. */
        boolean needsLineBreak() {
            return kind == Kind.THANKS;
        }
    }

    private static final Map<String, List<Trigger>> TRIGGERS_BY_FIRST_WORD = triggers();

    /** A speaker label, told by its place at a line start alone; NegativeRules checks it against the dialogue. */
    public static boolean isSpeakerLabel(Finding f) {
        return f.source().equals(ContextWords.SOURCE) && f.explanation().equals(SPEAKER_LABEL);
    }

    /** One word as a line's speaker label outside a dialogue: a name only if it is a given name. */
    public static boolean isLoneSpeakerLabel(Finding f) {
        return f.source().equals(ContextWords.SOURCE) && f.explanation().equals(LONE_SPEAKER_LABEL);
    }

    /**
     * A name after a document word or an office ("rapporto Annuale", "the coach Station" are none); NegativeRules
     * checks its words.
     */
    public static boolean isAfterDocumentOrOfficeWord(Finding f) {
        return f.source().equals(ContextWords.SOURCE) && (f.explanation().startsWith(AFTER_DOCUMENT_WORD)
                || f.explanation().startsWith(AFTER_OFFICE_WORD));
    }
    private static final Map<String, List<Trigger>> TITLES_BY_FIRST_WORD = titlesOnly();

    @Override
    public List<Finding> recognize(String text) {
        List<Finding> findings = new ArrayList<>();
        List<Finding> speakers = new ArrayList<>();
        Matcher name = NAME.matcher(DetectionWork.reading(text)).useTransparentBounds(true).useAnchoringBounds(false);
        Matcher speaker = SPEAKER.matcher(DetectionWork.reading(text)).useTransparentBounds(true)
                .useAnchoringBounds(false);
        Matcher speaking = SPEAKING.matcher(DetectionWork.reading(text)).useTransparentBounds(true)
                .useAnchoringBounds(false);
        int n = text.length();
        DetectionWork.add(n);
        int i = 0;
        while (i < n) {
            if (!isWordStart(text, i)) {
                i++;
                continue;
            }
            int wordEnd = i;
            while (wordEnd < n && Character.isLetter(text.charAt(wordEnd))) {
                wordEnd++;
            }
            Finding finding = wordEnd - i <= MAX_TRIGGER_WORD
                    ? afterTrigger(text, i, TRIGGERS_BY_FIRST_WORD.get(ContextWords.lower(text, i, wordEnd)), name)
                    : null;
            if (finding == null && (i == 0 || text.charAt(i - 1) == '\n')) {
                finding = speaker(text, i, wordEnd, speaker);
                if (finding != null) {
                    speakers.add(finding);
                }
            }
            if (finding == null && Character.isUpperCase(text.charAt(i))) {
                finding = speaking(text, i, wordEnd, speaking);
            }
            if (finding != null) {
                findings.add(finding);
                i = finding.end();
            } else {
                i = wordEnd;
            }
        }
        if (speakers.size() < MIN_TURNS) {
            findings.removeAll(speakers);
            speakers.stream().filter(f -> text.substring(f.start(), f.end()).indexOf(' ') < 0)
                    .map(f -> new Finding(TYPE, f.start(), f.end(), f.score(), ContextWords.SOURCE, LONE_SPEAKER_LABEL))
                    .forEach(findings::add);
        }
        return findings;
    }

    private static Finding speaker(String text, int start, int wordEnd, Matcher speaker) {
        String word = text.substring(start, wordEnd);
        String lower = ContextWords.lower(text, start, wordEnd);
        if (NOT_NAMES.contains(word) || FIELD_LABELS.contains(lower) || TRIGGERS_BY_FIRST_WORD.containsKey(lower)) {
            return null;
        }
        speaker.region(start, Math.min(text.length(), start + 40));
        if (!speaker.lookingAt() || speaker.group("second") != null
                && FIELD_NOUNS.contains(speaker.group("second").toLowerCase(Locale.ROOT))
                || startsWithDigit(text, speaker.end())) {
            return null;
        }
        int end = speaker.end() - 1;
        if (isSpace(text.charAt(end - 1))) {
            end--;
        }
        return new Finding(TYPE, start, end, Kind.SPEAKER.score, ContextWords.SOURCE,
                SPEAKER_LABEL);
    }

    /** A field's value, not a speaker's turn: "Backzeit: 35 Minuten", "Porzioni: 8". */
    private static boolean startsWithDigit(String text, int at) {
        int i = at;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && Character.isDigit(text.charAt(i));
    }

    /**
     * A name before a verb of speaking, unless a determiner precedes it ("The Manager said"). Of two capitalised
     * words at a sentence start only the second is kept: the first may be an adverb ("Later Tuomas asked").
     */
    private static Finding speaking(String text, int start, int wordEnd, Matcher speaking) {
        if (NOT_NAMES.contains(text.substring(start, wordEnd)) || DETERMINERS.contains(previousWord(text, start))) {
            return null;
        }
        speaking.region(start, Math.min(text.length(), start + 70));
        if (!speaking.lookingAt()) {
            return null;
        }
        int from = start;
        if (speaking.end() > wordEnd && startsSentence(text, start)) {
            from = wordEnd + 1;
        }
        return new Finding(TYPE, from, speaking.end(), Kind.SPEAKING.score, ContextWords.SOURCE,
                "capitalised name before a verb of speaking");
    }

    private static String previousWord(String text, int start) {
        int end = start;
        while (end > 0 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        int begin = end;
        while (begin > 0 && Character.isLetter(text.charAt(begin - 1))) {
            begin--;
        }
        return ContextWords.lower(text, begin, end);
    }

    private static boolean startsSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && isSpace(text.charAt(i))) {
            i--;
        }
        return i < 0 || ".!?\n".indexOf(text.charAt(i)) >= 0;
    }

    private static Finding afterTrigger(String text, int at, List<Trigger> candidates, Matcher name) {
        if (candidates == null) {
            return null;
        }
        for (Trigger trigger : candidates) {
            int p = matchEnd(text, at, trigger);
            if (p < 0) {
                continue;
            }
            int afterTrigger = p;
            p = skipSeparators(text, p, trigger);
            if (p < 0) {
                continue;
            }
            String separator = text.substring(afterTrigger, p);
            boolean colon = separator.indexOf(':') >= 0 || separator.indexOf('?') >= 0;
            int beforeTitles = p;
            p = skipTitles(text, p);
            name.region(p, Math.min(text.length(), p + 240));
            if (name.lookingAt()) {
                Finding finding = finding(text, p, name.end(), trigger, colon || p > beforeTitles);
                if (finding != null) {
                    return finding;
                }
            }
        }
        return null;
    }

    /**
     * Drops trailing particles, and everything from a function word or title on ("La" after a particle, as in
     * "de La Fontaine", is part of the name). A role word alone ("Patient Portal") is weak evidence: it needs a
     * colon, a title or two name tokens after it. After an office the name starts with a capital: "alcalde de
     * Calatayud" names the place of the office.
     */
    private static Finding finding(String text, int start, int end, Trigger trigger, boolean strongSeparator) {
        int kept = -1;
        int names = 0;
        boolean afterParticle = false;
        int i = start;
        while (i < end) {
            int tokenEnd = i;
            while (tokenEnd < end && !isSpace(text.charAt(tokenEnd))) {
                tokenEnd++;
            }
            String token = text.substring(i, tokenEnd);
            if ((NOT_NAMES.contains(token) && !afterParticle) || isTitle(text, i)) {
                break;
            }
            afterParticle = PARTICLES.contains(token);
            if (!afterParticle) {
                kept = tokenEnd;
                names++;
            }
            i = tokenEnd + 1;
        }
        if (names == 0 || (trigger.kind() == Kind.ROLE && names == 1 && !strongSeparator)
                || trigger.kind() == Kind.OFFICE && !Character.isUpperCase(text.charAt(start))) {
            return null;
        }
        double score = trigger.kind().score + (names > 1 ? 0.05 : 0);
        return new Finding(TYPE, start, kept, Math.round(score * 100) / 100.0, ContextWords.SOURCE,
                "capitalised name after " + trigger.kind().description + " '" + trigger.phrase() + "'");
    }

    /** End of the trigger phrase at {@code at}, or -1. */
    private static int matchEnd(String text, int at, Trigger trigger) {
        String phrase = trigger.phrase();
        int end = at + phrase.length();
        if (end > text.length()) {
            return -1;
        }
        for (int k = 0; k < phrase.length(); k++) {
            char c = text.charAt(at + k);
            char expected = phrase.charAt(k);
            if (c == '\u2019') {
                c = '\'';
            }
            if (c != expected && (trigger.caseSensitive() || Character.toLowerCase(c) != expected)) {
                return -1;
            }
        }
        boolean endsInLetter = Character.isLetter(phrase.charAt(phrase.length() - 1));
        return endsInLetter && end < text.length() && Character.isLetter(text.charAt(end)) ? -1 : end;
    }

    /** Position of the name after the trigger, or -1 if the trigger is not followed the way it must be. */
    private static int skipSeparators(String text, int p, Trigger trigger) {
        int n = text.length();
        if (trigger.kind() == Kind.TITLE) {
            return p < n && isSpace(text.charAt(p)) ? p + 1 : -1;
        }
        int limit = Math.min(n, p + 6);
        boolean colon = false;
        boolean lineBreak = false;
        while (p < limit && (isSpace(text.charAt(p)) || ",:;?!\t\r\n".indexOf(text.charAt(p)) >= 0)) {
            colon |= text.charAt(p) == ':' || text.charAt(p) == '?';
            lineBreak |= text.charAt(p) == '\n';
            p++;
        }
        return trigger.needsColon() && !colon || trigger.needsLineBreak() && !lineBreak ? -1 : p;
    }

    private static int skipTitles(String text, int p) {
        for (int k = 0; k < MAX_CHAINED_TITLES && p < text.length() && isWordStart(text, p); k++) {
            int end = titleEnd(text, p);
            if (end < 0 || end >= text.length() || !isSpace(text.charAt(end))) {
                return p;
            }
            p = end + 1;
        }
        return p;
    }

    private static boolean isTitle(String text, int at) {
        int end = titleEnd(text, at);
        return end >= 0 && (end >= text.length() || isSpace(text.charAt(end)));
    }

    private static int titleEnd(String text, int at) {
        int wordEnd = at;
        while (wordEnd < text.length() && Character.isLetter(text.charAt(wordEnd))) {
            wordEnd++;
        }
        List<Trigger> titles = wordEnd - at <= MAX_TRIGGER_WORD
                ? TITLES_BY_FIRST_WORD.get(ContextWords.lower(text, at, wordEnd)) : null;
        if (titles != null) {
            for (Trigger title : titles) {
                int end = matchEnd(text, at, title);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    private static boolean isWordStart(String text, int i) {
        return Character.isLetter(text.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0';
    }

    private static Map<String, List<Trigger>> triggers() {
        List<Trigger> all = new ArrayList<>(titles());
        add(all, Kind.INTRODUCTION, "my name is", "mein name ist", "ich heiße", "ich heisse", "je m'appelle",
                "mon nom est", "me llamo", "mi nombre es", "mi chiamo", "il mio nome è");
        add(all, Kind.SELF_REFERENCE, "i am", "i'm", "ich bin", "je suis", "soy", "sono");
        add(all, Kind.LABEL, "name", "full name", "patient name", "customer name", "last name", "first name",
                "surname", "given name", "given names", "family name", "vorname", "nachname", "familienname",
                "nom", "prénom", "nom complet", "nom de famille", "nombre", "nombre completo", "apellido",
                "apellidos", "nome", "cognome", "nome completo");
        add(all, Kind.RELATIVE, "my son", "cousin", "cousine", "brother", "sister", "wife", "husband", "daughter",
                "mother", "father", "friend", "colleague", "neighbour", "neighbor", "uncle", "aunt", "grandma",
                "grandpa", "bruder", "schwester", "sohn", "tochter", "mutter", "vater", "freund", "freundin",
                "kollege", "kollegin", "nachbar", "nachbarin", "onkel", "tante", "oma", "opa", "frère", "sœur",
                "mari", "fils", "mère", "père", "amie", "collègue", "voisin", "voisine", "oncle", "primo", "hermano",
                "hermana", "esposa", "marido", "hijo", "hija", "madre", "padre", "amigo", "amiga", "compañero",
                "compañera", "vecino", "vecina", "tío", "tía", "abuela", "abuelo", "cugino", "cugina", "fratello",
                "sorella", "moglie", "marito", "figlio", "figlia", "amico", "amica", "collega", "zio", "zia", "nonna",
                "nonno");
        add(all, Kind.RELATIVE, "famille", "familia", "famiglia", "familie");
        add(all, Kind.DOCUMENT, "rapport", "rapporto", "relazione", "informe", "gutachten", "dossier", "expediente",
                "fascicolo");
        add(all, Kind.OFFICE, "coach", "mayor", "chairman", "chairwoman", "president", "captain", "goalkeeper",
                "striker", "referee", "minister", "senator", "judge", "trainer", "trainerin", "bürgermeister",
                "bürgermeisterin", "kapitän", "kapitänin", "torwart", "stürmer", "schiedsrichter", "ministerin",
                "präsident", "präsidentin", "richter", "richterin", "landrat", "landrätin", "entraîneur", "entraîneuse",
                "maire", "président", "présidente", "capitaine", "gardien", "attaquant", "arbitre", "ministre", "juge",
                "sélectionneur", "député", "sénateur", "entrenador", "entrenadora", "alcalde", "alcaldesa",
                "presidente", "presidenta", "capitán", "portero", "delantero", "árbitro", "ministro", "ministra",
                "juez", "jueza", "diputado", "diputada", "seleccionador", "allenatore", "allenatrice", "sindaco",
                "sindaca", "capitano", "portiere", "attaccante", "arbitro", "giudice", "assessore", "deputato",
                "deputata", "tecnico", "mister");
        add(all, Kind.ROLE, "patient", "patientin", "kunde", "kundin", "client", "cliente", "paciente", "paziente");
        add(all, Kind.SIGNATURE, "signed", "regards", "best regards", "kind regards", "warm regards", "sincerely",
                "yours sincerely", "yours faithfully", "yours truly", "best wishes", "cheers", "thanks again",
                "mit freundlichen grüßen", "mit freundlichen grüssen", "viele grüße", "beste grüße", "liebe grüße",
                "herzliche grüße", "gruß", "hochachtungsvoll", "tschüss", "cordialement", "bien cordialement",
                "bien à vous", "amitiés", "bises", "atentamente", "saludos", "un saludo", "cordiales saludos",
                "un abrazo", "cordiali saluti", "distinti saluti", "un saluto", "un abbraccio", "cordialmente");
        add(all, Kind.THANKS, "best", "thanks", "thank you", "many thanks", "danke", "vielen dank", "merci",
                "merci beaucoup", "gracias", "muchas gracias", "grazie", "grazie mille", "saluti", "ciao");
        return byFirstWord(all);
    }

    private static Map<String, List<Trigger>> titlesOnly() {
        return byFirstWord(titles());
    }

    private static List<Trigger> titles() {
        List<Trigger> titles = new ArrayList<>();
        for (String title : List.of("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Prof", "Prof.",
                "Herr", "Herrn", "Frau", "M.", "Mme", "Mme.", "Mlle", "Mlle.", "Monsieur", "Madame", "Sr.", "Sra.",
                "Srta.", "Señor", "Señora", "Sig.", "Sig.ra", "Sig.na", "Signor", "Signora", "Dott.", "Dott.ssa",
                "Dra.", "Dña.", "sr.", "sra.", "srta.", "dra.", "señor", "señora", "sig.", "sig.ra", "sig.na", "signor",
                "signora", "dott.", "dott.ssa", "Ing.", "ing.", "Avv.", "avv.")) {
            titles.add(new Trigger(title, Kind.TITLE, true));
        }
        return titles;
    }

    private static void add(List<Trigger> all, Kind kind, String... phrases) {
        for (String phrase : phrases) {
            all.add(new Trigger(phrase, kind, false));
        }
    }

    /** Keyed by the lower-cased first word; longest phrase first, so "Mr." wins over "Mr". */
    private static Map<String, List<Trigger>> byFirstWord(List<Trigger> triggers) {
        Map<String, List<Trigger>> map = new HashMap<>();
        for (Trigger trigger : triggers) {
            String phrase = trigger.phrase();
            int end = 0;
            while (end < phrase.length() && Character.isLetter(phrase.charAt(end))) {
                end++;
            }
            map.computeIfAbsent(ContextWords.lower(phrase, 0, end), k -> new ArrayList<>()).add(trigger);
        }
        map.values().forEach(list -> list.sort(Comparator.comparingInt((Trigger t) -> t.phrase().length()).reversed()));
        Map<String, List<Trigger>> copy = new HashMap<>();
        map.forEach((key, list) -> copy.put(key, List.copyOf(list)));
        return Map.copyOf(copy);
    }
}
