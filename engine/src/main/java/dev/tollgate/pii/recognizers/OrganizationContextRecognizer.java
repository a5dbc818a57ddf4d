package dev.tollgate.pii.recognizers;

import dev.tollgate.pii.Finding;
import dev.tollgate.pii.Recognizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ORGANIZATION without a legal form, by what is said of it, in the five languages: one to four capitalised words
 * after a phrase of employment or founding ("works at", "employed by", "founder of", "arbeitet bei", "travaille
 * chez", "trabaja en", "lavora presso", ...), or before one ("Verdafero is the brainchild of", "X ist eine Idee
 * von", "X a été fondée par", ...). The score (0.6) is a weak vote: a place or person the NER model is sure of
 * at the same words wins ("trabaja en Madrid").
 */
public final class OrganizationContextRecognizer implements Recognizer {
    private static final double SCORE = 0.6;
    private static final int MAX_NAME_WORDS = 4;
    private static final Map<String, List<String[]>> BEFORE_NAME = phrases(
            "works at", "work at", "working at", "worked at", "works for", "working for", "worked for",
            "employed by", "employed at", "a job at", "joined", "to join", "founder of", "co-founder of", "ceo of",
            "intern at", "arbeitet bei", "arbeite bei", "arbeitete bei", "angestellt bei", "beschäftigt bei",
            "tätig bei", "ist jetzt bei", "gründer von", "gründerin von", "job bei", "travaille chez",
            "travaillé chez", "travaille pour", "employé par", "employée par", "employé chez", "employée chez",
            "rejoindre", "rejoint", "fondateur de", "fondatrice de", "trabaja en", "trabajo en", "trabajaba en",
            "trabaja para", "empleado por", "empleada por", "empleado en", "empleada en", "unirse a", "fundador de",
            "fundadora de", "lavora presso", "lavoro presso", "lavorava presso", "lavora per", "assunto da",
            "assunta da", "dipendente di", "fondatore di", "fondatrice di", "work for", "to work for",
            "arbeitet für", "arbeite für", "arbeiten für", "arbeiten bei", "travailler chez", "travailler pour",
            "trabajar en", "trabajar para", "lavorare da", "lavorare per", "lavorare presso", "bank with",
            "banks with", "account with", "konto bei", "signed with", "contract with", "partnership with",
            "acquired by", "vertrag mit", "übernommen von", "signé avec", "contrat avec", "racheté par",
            "firmado con", "contrato con", "adquirida por", "firmato con", "contratto con", "acquisita da",
            "insured by", "insured with", "versichert bei", "assurés par", "assuré par", "asegurados con",
            "asegurado con", "assicurati con", "assicurato con", "shipped by", "versand durch", "expédié par",
            "enviado por", "spedito da", "landlord is", "vermieter ist", "vermieterin ist", "propriétaire est",
            "casero es", "casa è", "panchina del", "panchina della", "squadra del", "squadra della",
            "maglia del", "maglia della", "tifoso del", "tifosa del", "tifosi del", "tifoso della", "tifosa della",
            "tifosi della", "allenatore del", "allenatore della", "acquisti del", "acquisti della",
            "lavora da", "lavorato da", "galleria", "galería", "galerie", "ditta", "azienda");
    private static final Map<String, List<String[]>> AFTER_NAME = phrases(
            "is the brainchild of", "was the brainchild of", "was founded by", "was founded in", "ist eine idee von",
            "wurde gegründet", "wurde von", "est née de l'idée de", "a été fondée par", "a été fondé par",
            "es una idea de", "fue fundada por", "fue fundado por", "è un'idea di", "è stata fondata da",
            "è stato fondato da", "is hiring", "hires", "recruits", "recrute", "embauche", "contrata", "assume");
    private static final Set<String> ARTICLES = Set.of("the", "der", "die", "den", "dem", "la", "le", "les", "el",
            "los", "las", "il", "lo", "gli", "i");
    /** Capitalised words that start a clause about something else ("It is the brainchild of ..."). */
    private static final Set<String> PRONOUNS = Set.of("It", "This", "That", "He", "She", "They", "We", "I", "Es",
            "Das", "Dies", "Er", "Sie", "Il", "Elle", "Ce", "Cela", "Esto", "Eso", "Él", "Ella", "Questo", "Lui",
            "Lei");
    private static final Set<String> CONNECTORS = Set.of("of", "de", "di", "del", "della", "des", "du", "am", "der",
            "y", "e", "et", "&", "and", "und");

    @Override
    public List<Finding> recognize(String text) {
        CapitalisedWords words = CapitalisedWords.of(text);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            int after = phraseEnd(words, i, BEFORE_NAME);
            if (after >= 0 && after < words.size()) {
                int from = ARTICLES.contains(words.lower(after)) && !words.closes(after) ? after + 1 : after;
                int end = from < words.size() ? words.nameEnd(from, MAX_NAME_WORDS, CONNECTORS) : -1;
                if (end >= 0 && words.isName(from)) {
                    findings.add(finding(words, from, end, "after"));
                    i = end;
                }
            } else if (i > 0 && words.isName(i - 1) && !words.closes(i - 1) && !PRONOUNS.contains(words.word(i - 1))
                    && phraseEnd(words, i, AFTER_NAME) >= 0) {
                int from = i - 1;
                while (from > 0 && i - from < MAX_NAME_WORDS && words.isName(from - 1) && !words.closes(from - 1)) {
                    from--;
                }
                findings.add(finding(words, from, i - 1, "before"));
            }
        }
        return findings;
    }

    private static Finding finding(CapitalisedWords words, int from, int to, String where) {
        return new Finding("ORGANIZATION", words.start(from), words.end(to), SCORE, ContextWords.SOURCE,
                "capitalised name " + where + " a phrase of employment or founding");
    }

    /** The index of the word after the phrase that starts at word {@code i}, or -1. */
    private static int phraseEnd(CapitalisedWords words, int i, Map<String, List<String[]>> phrasesByFirstWord) {
        for (String[] phrase : phrasesByFirstWord.getOrDefault(words.lower(i), List.of())) {
            if (i + phrase.length > words.size()) {
                continue;
            }
            boolean match = true;
            for (int k = 0; k < phrase.length && match; k++) {
                match = words.lower(i + k).equals(phrase[k]) && (k == phrase.length - 1 || !words.closes(i + k));
            }
            if (match && !words.closes(i + phrase.length - 1)) {
                return i + phrase.length;
            }
        }
        return -1;
    }

    /** Keyed by first word, so that a word is compared only with the phrases it can start. */
    private static Map<String, List<String[]>> phrases(String... phrases) {
        return Arrays.stream(phrases).map(p -> p.split(" ")).collect(Collectors.groupingBy(p -> p[0]));
    }
}
