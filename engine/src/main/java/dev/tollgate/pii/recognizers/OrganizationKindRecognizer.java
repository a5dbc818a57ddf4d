package dev.tollgate.pii.recognizers;

import dev.tollgate.pii.Finding;
import dev.tollgate.pii.Recognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ORGANIZATION by the kind of organisation its name says, in the five languages: a kind word then a capitalised
 * name ("University of Aberdeen", "Universidad de Salamanca", "Hôtel des Tilleuls", "Banca Valdarno", "Klinik am
 * Seepark", "Caja Rural del Jiloca", "Cabinet dentaire Moreau", "SV Wattenmeer"), or a capitalised name then a
 * kind word ("Northfield Bank", "Halcyon Marine Group", "St Brendan's Hospital", "Hanse Versicherung", "Albatros
 * Software"). A leading article is not part of the name. The score (0.85) is above the NER model's usual
 * PERSON or LOCATION score for the name's parts, and NegativeRules drops those parts.
 */
public final class OrganizationKindRecognizer implements Recognizer {
    private static final double SCORE = 0.85;
    private static final int MAX_NAME_WORDS = 4;
    private static final Set<String> KIND_FIRST = Set.of(
            "University", "Universität", "Université", "Universidad", "Università", "Hochschule", "Hospital",
            "Hôpital", "Ospedale", "Klinik", "Klinikum", "Clinique", "Clínica", "Clinica", "Hotel", "Hôtel",
            "Albergo", "Bank", "Banque", "Banco", "Banca", "Caja", "Caisse", "Cassa", "Sparkasse", "Volksbank",
            "Raiffeisenbank", "Foundation", "Stiftung", "Fondation", "Fundación", "Fondazione", "Institut",
            "Instituto", "Istituto", "Institute", "Stadtwerke", "Farmacia", "Farmacias", "Pharmacie", "Apotheke",
            "Seguros", "Assicurazioni", "Versicherung", "Mutuelle", "Cabinet", "Despacho", "Kanzlei", "Praxis",
            "Zahnarztpraxis", "Arztpraxis", "Transports", "Transportes", "Trasporti", "Construcciones", "Éditions",
            "Editorial", "Edizioni", "Verlag", "Museum", "Musée", "Museo", "Restaurant", "Ristorante", "Restaurante",
            "Bäckerei", "Boulangerie", "Panadería", "Librería", "Libreria", "Librairie", "Cooperativa",
            "Coopérative", "Genossenschaft", "Ministerio", "Ministère", "Ministero",
            "Ministerium", "Agencia", "Agence", "Agenzia", "Agentur", "Lycée", "Liceo", "Colegio", "Gymnasium",
            "FC", "SV", "TSV", "VfB", "VfL", "SC", "AC", "SSC", "Eintracht", "Borussia", "Olympique", "Stade",
            "Racing", "Sporting", "Deportivo", "Atlético", "Athletic", "Real", "Virtus", "Studio", "Club", "Circolo",
            "Centre", "Centro", "Zentrum", "Office", "Crédit", "Caixa", "École", "Escuela", "Scuola", "Schule",
            "Krankenhaus", "Association", "Asociación", "Associazione", "Verein", "Academy", "Académie", "Academia",
            "Accademia", "Akademie", "Biblioteca", "Bibliothèque", "Médiathèque", "Library", "Mutua", "Inmobiliaria",
            "Immobiliare", "Polyclinique", "Policlínico", "Policlinico", "Poliambulatorio", "Ediciones", "Sartoria",
            "Maison", "Cartiera", "Cartiere", "Ceramiche", "Officine", "Cantina", "Cantine", "Costruzioni",
            "Impianti", "Industrie", "Tessitura", "Forniture", "Manifattura", "Acciaierie", "Fonderie");
    /** German compounds that end in a kind word: "Ruderclub Hamm", "Kreiskrankenhaus Wolfhagen". */
    private static final List<String> KIND_FIRST_ENDINGS = List.of("club", "klub", "krankenhaus", "klinik", "schule",
            "genossenschaft", "bank", "kasse", "versicherung", "verein", "werke", "institut", "stiftung", "praxis",
            "verband", "bibliothek", "erei", "forniture", "impianti");
    /** Shops and works named by their trade: "Cidrerie Ortiefeld", "Halcón Paquetería", "Sidrificio Ortica". */
    private static final List<String> TRADE_ENDINGS = List.of("erie", "ería", "eria", "ficio");
    private static final Set<String> NOT_TRADES = Set.of("criteria", "bacteria", "materia", "categoria", "batterie",
            "serie", "série", "galleria");
    private static final Set<String> KIND_LAST = Set.of(
            "Bank", "Group", "Gruppe", "Groupe", "Foundation", "Stiftung", "Hospital", "Clinic", "Klinik",
            "Software", "Systems", "Solutions", "Technologies", "Technology", "Labs", "Holdings", "Industries",
            "Motors", "Media", "Foods", "Pharma", "Airlines", "Airways", "Insurance", "Versicherung",
            "Versicherungen", "Assurances", "Energy", "Energie", "Health", "Capital", "Freight", "Logistics",
            "Logistik", "Analytics", "Consulting", "Bakery", "Reisen", "Logiciels", "Santé", "Mutual", "University",
            "College", "Hotel", "Rovers", "Wanderers", "Albion", "Athletic", "Partners", "Ventures", "Brewery",
            "Brauerei", "Immobilien", "Telecom", "Robotics", "Dynamics", "Pharmaceuticals", "Finance", "Club",
            "Association", "Union", "Institute", "School", "Academy", "Society", "Trust", "Council", "Agency",
            "Museum", "Company", "Cooperative", "Center", "Centre", "Studios", "Seafood", "Works", "Verlag",
            "Practice", "Services", "Lettings", "Immobilier", "Library", "Cider", "Paketdienst", "Wohnbau",
            "Spedizioni", "Télécom", "Telekom", "Telecomunicaciones", "Telecomunicazioni");
    private static final Set<String> CONNECTORS = Set.of("of", "de", "di", "del", "della", "dei", "des", "du", "la",
            "am", "an", "der", "für", "y", "e", "et", "&", "and", "und", "st.", "san", "santa");
    /** Lower-case words that may stand between a kind word and the name ("Cabinet dentaire Moreau"). */
    private static final Set<String> KIND_ADJECTIVES = Set.of("dentaire", "médical", "médicale", "dental", "dentale",
            "dentistico", "medico", "médico", "rural", "vétérinaire", "veterinario", "veterinaria", "notarial",
            "legale", "d'avocats", "jurídico", "popolare", "popular", "mutuelle", "hospitalier", "hospitalière",
            "universitaire", "público", "pública", "pubblico", "pubblica", "comunale", "municipal", "municipale",
            "primaria", "secondaria", "comarcal", "civile", "civil");
    private static final Set<String> ARTICLES = Set.of("The", "Die", "Der", "Das", "Le", "La", "Les", "El", "Los",
            "Las", "Il", "Lo", "Gli", "I", "A", "An", "Our", "My", "Your", "Unser", "Unsere", "Notre", "Nuestro",
            "Nuestra", "Mio", "Mia");

    @Override
    public List<Finding> recognize(String text) {
        CapitalisedWords words = CapitalisedWords.of(text);
        List<Finding> findings = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int[] span = kindFirst(words, i);
            if (span == null) {
                span = kindLast(words, i);
            }
            if (span != null) {
                findings.add(new Finding("ORGANIZATION", words.start(span[0]), words.end(span[1]), SCORE,
                        ContextWords.SOURCE, "capitalised name with a word for a kind of organisation"));
                i = span[1] + 1;
            } else {
                i++;
            }
        }
        return findings;
    }

    private static int[] kindFirst(CapitalisedWords words, int i) {
        if (!isKindFirst(words.word(i)) || words.closes(i) || i + 1 >= words.size()) {
            return null;
        }
        int from = i + 1;
        if (KIND_ADJECTIVES.contains(words.lower(from)) && !words.closes(from)) {
            from++;
        }
        if (from >= words.size() || !words.isName(from) && !CONNECTORS.contains(words.lower(from))) {
            return null;
        }
        int end = nameAfterConnectors(words, from);
        return end < 0 ? null : new int[] {i, end};
    }

    private static boolean isKindFirst(String word) {
        return KIND_FIRST.contains(word) || endsIn(word, KIND_FIRST_ENDINGS) || isTrade(word);
    }

    private static boolean isKindLast(String word) {
        return KIND_LAST.contains(word) || isTrade(word);
    }

    private static boolean isTrade(String word) {
        return endsIn(word, TRADE_ENDINGS) && !NOT_TRADES.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean endsIn(String word, List<String> endings) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Character.isUpperCase(word.charAt(0))
                && endings.stream().anyMatch(ending -> lower.length() > ending.length() + 2 && lower.endsWith(ending));
    }

    /** A connector may open the name ("University of Aberdeen"); a capitalised word must follow. */
    private static int nameAfterConnectors(CapitalisedWords words, int from) {
        int first = from;
        while (first < words.size() && CONNECTORS.contains(words.lower(first)) && !words.closes(first)) {
            first++;
        }
        return first < words.size() ? words.nameEnd(first, MAX_NAME_WORDS, CONNECTORS) : -1;
    }

    private static int[] kindLast(CapitalisedWords words, int i) {
        if (!words.isName(i) || ARTICLES.contains(words.word(i)) || words.closes(i)) {
            return null;
        }
        int last = i;
        while (last + 1 < words.size() && last - i < MAX_NAME_WORDS && words.isName(last + 1)
                && !isKindLast(words.word(last))) {
            if (isKindLast(words.word(last + 1))) {
                return new int[] {i, last + 1};
            }
            if (words.closes(last + 1)) {
                return null;
            }
            last++;
        }
        return null;
    }
}
