package dev.tollgate.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Drops PERSON, LOCATION and ORGANIZATION findings that a rule rules out, whichever recognizer made them: a part
 * of a street address (the address is one entity, reported whole), and a single capitalised word at the start of
 * a sentence or line that is a function word, greeting, imperative or calendar word in one of the five languages
 * ("What", "Write about the sea.", "Öffnen Sie ...", "Lunedì ...").
 */
final class NegativeRules {
    private static final Set<String> NAME_TYPES = Set.of("PERSON", "LOCATION", "ORGANIZATION");
    private static final Set<String> SENTENCE_STARTERS = Set.of(
            // en
            "what", "who", "why", "when", "where", "how", "which", "you", "we", "they", "he", "she", "it", "i",
            "this", "that", "these", "those", "there", "here", "yes", "no", "maybe", "please", "thanks", "thank",
            "hello", "hi", "hey", "dear", "welcome", "sorry", "write", "read", "open", "click", "check", "send",
            "turn", "try", "keep", "bring", "tell", "choose", "hold", "wait", "stop", "wash", "enjoy", "remember",
            "never", "always", "sometimes", "honestly", "unfortunately", "however", "whatever", "nobody", "somebody",
            "every", "each", "imagine", "describe", "consider", "love", "great", "happy", "sign", "add", "fill",
            "step", "order", "returns", "terms", "summary", "meeting", "action", "delivery", "breakfast", "our",
            "your", "my", "let", "do", "don't", "could", "would", "should", "can", "will", "is", "are",
            // de
            "was", "wer", "warum", "wann", "wo", "wie", "welche", "sie", "du", "wir", "ihr", "es", "ich", "bitte",
            "danke", "hallo", "ja", "nein", "vielleicht", "schreib", "schreiben", "öffnen", "klicken", "prüfen",
            "schicken", "senden", "starten", "bewahren", "halten", "lesen", "wählen", "warten", "waschen",
            "genießen", "geben", "vergiss", "egal", "niemand", "jemand", "jeden", "jedes", "manchmal", "ehrlich",
            "leider", "allerdings", "hinweis", "stell", "sag", "super", "tolles", "willkommen", "nehmen",
            "antworten", "erzählen", "beschreiben", "füllen", "anhalten", "biegen", "könnten", "häufig", "jetzt",
            // fr
            "que", "qui", "pourquoi", "quand", "où", "comment", "vous", "nous", "ils", "elle", "il", "je", "oui",
            "non", "merci", "bonjour", "écris", "écrivez", "ouvrez", "cliquez", "envoyez", "tournez", "pense",
            "redémarrez", "consultez", "gardez", "maintenez", "lisez", "choisissez", "attendez", "laver", "prenez",
            "ne", "remplissez", "regardez", "décrivez", "arrêtez", "imaginez", "personne", "parfois", "franchement",
            "malheureusement", "cependant", "attention", "chaque", "dis", "pourriez", "ajoutez", "inscrivez",
            "joyeux", "bon", "bonne", "peut-être",
            // es
            "qué", "quién", "por", "cuándo", "dónde", "cómo", "usted", "nosotros", "ellos", "yo", "sí", "gracias",
            "hola", "escribe", "escriba", "abra", "pulse", "envíe", "envíelo", "gire", "reinicie", "consulte",
            "guarde", "mantenga", "lea", "elija", "espere", "lavar", "lleve", "nunca", "rellene", "mirad",
            "describa", "pare", "imagina", "nadie", "alguien", "sinceramente", "desgraciadamente", "sin", "aviso",
            "cada", "dime", "podría", "añada", "regístrese", "feliz", "buen", "quizá", "acuérdate", "pase",
            "cuénteme", "disfrute",
            // it
            "che", "chi", "perché", "quando", "dove", "come", "noi", "loro", "io", "lei", "grazie", "ciao",
            "scrivi", "apri", "clicca", "mandalo", "gira", "riavvia", "controlla", "conserva", "tieni", "leggi",
            "scegli", "aspetta", "lavare", "porta", "compila", "guardate", "descrivi", "fermati",
            "immagina", "nessuno", "qualcuno", "purtroppo", "tuttavia", "avviso", "ogni", "dimmi",
            "potresti", "aggiungere", "iscriviti", "buon", "forse", "ricordati", "qualunque", "parlami", "ottimo",
            "bentornato");
    private static final Set<String> CALENDAR = Set.of(
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "june", "july", "september", "october", "november", "december",
            "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "januar", "februar",
            "märz", "juni", "juli", "oktober", "dezember", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
            "samedi", "dimanche", "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre",
            "octobre", "novembre", "décembre", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
            "domingo", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
            "octubre", "noviembre", "diciembre", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato",
            "domenica", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre",
            "dicembre");

    private NegativeRules() {
    }

    static List<Finding> apply(String text, List<Finding> findings) {
        List<Finding> addresses = findings.stream().filter(f -> f.type().equals("STREET_ADDRESS")).toList();
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (!NAME_TYPES.contains(f.type())
                    || (!insideAny(f, addresses) && !isNonNameWord(text, f))) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static boolean insideAny(Finding f, List<Finding> addresses) {
        for (Finding address : addresses) {
            if (f.start() < address.end() && address.start() < f.end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNonNameWord(String text, Finding f) {
        String word = text.substring(f.start(), f.end());
        if (word.indexOf(' ') >= 0) {
            return false;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        return CALENDAR.contains(lower) || (SENTENCE_STARTERS.contains(lower) && startsSentence(text, f.start()));
    }

    private static boolean startsSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || "\"'“„«¿¡(".indexOf(text.charAt(i)) >= 0)) {
            i--;
        }
        return i < 0 || ".!?:;\n".indexOf(text.charAt(i)) >= 0;
    }
}
