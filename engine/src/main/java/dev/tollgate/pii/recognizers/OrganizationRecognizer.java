package dev.tollgate.pii.recognizers;

import dev.tollgate.pii.DetectionWork;
import dev.tollgate.pii.Finding;
import dev.tollgate.pii.Recognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ORGANIZATION by rules: one to four capitalised words before a legal form of the five languages' countries and
 * their neighbours ("Krämer Haustechnik GmbH", "Lartigue Transports S.A.S.", "Imballaggi Ferri S.r.l.",
 * "Anatolia Textiles Ltd"), and firms named after their partners: "X & Y", and "X, Y and Z" (und, et, y, e)
 * when a firm word precedes it ("the partners at", "Kanzlei", "cabinet", "despacho", "studio") or it ends in
 * "Partner", "Associates", "Söhne", ... A leading article ("The", "Die", "La", ...) is not part of the name.
 */
public final class OrganizationRecognizer implements Recognizer {
    private static final String TYPE = "ORGANIZATION";
    private static final String SP = "[ \\u00A0]";
    private static final String CAP = "\\p{Lu}[\\p{L}\\p{M}'’-]*+";
    private static final String START = "(?<![\\p{L}\\p{M}\\p{N}'’.-])";
    private static final String END = "(?![\\p{L}\\p{M}\\p{N}])";
    private static final String LEGAL_FORM = "(?:GmbH" + SP + "&" + SP + "Co\\." + SP + "KG|GmbH|AG|SE|KGaA|KG|OHG"
            + "|UG|e\\.V\\.|eG|S\\.A\\.S\\.|S\\.A\\.|SAS|SARL|S\\.L\\.|S\\.p\\.A\\.|SpA|S\\.r\\.l\\.|Srl|SRL|SA|SL"
            + "|Pte" + SP + "Ltd|Pvt" + SP + "Ltd|Ltd\\.?|Limited|LLC|LLP|Inc\\.?|Corp\\.?|plc|PLC|B\\.V\\.|BV|N\\.V\\."
            + "|NV|Oy|AB|A/S|ASA|Sp\\." + SP + "z" + SP + "o\\.o\\.)";
    private static final String CONNECTOR = "(?:&|and|und|et|e|y|de|di|del|du|des|von|van)";
    private static final Pattern WITH_LEGAL_FORM = Pattern.compile(START + "(?:" + CAP + SP + "(?:" + CONNECTOR + SP
            + ")?){1,4}" + LEGAL_FORM + "(?![\\p{L}\\p{M}\\p{N}]|\\.\\p{L})");
    private static final String SURNAME = "(?:(?:de|De|van|von|Van|Von|di|Di)" + SP + ")?" + CAP;
    private static final Pattern PARTNERS = Pattern.compile(START + "(?<names>" + SURNAME + "(?:," + SP + SURNAME
            + "){0,2}" + SP + "&" + SP + SURNAME + "|" + SURNAME + "(?:," + SP + SURNAME + "){1,2},?" + SP
            + "(?:and|und|et|y|e)" + SP + SURNAME + ")" + END + "(?!" + SP + "\\p{Lu}\\p{Ll})");
    private static final Set<String> ARTICLES = Set.of("The", "Die", "Der", "Das", "Le", "La", "Les", "L", "El",
            "Los", "Las", "Il", "Lo", "Gli", "I", "A", "An", "Un", "Una", "Une", "Ein", "Eine");
    private static final Set<String> PARTNER_WORDS = Set.of("Partner", "Partners", "Associates", "Associés",
            "Asociados", "Associati", "Söhne", "Sons", "Fils", "Hijos", "Figli", "Daughters", "Töchter");
    private static final ContextWords FIRM_WORDS = ContextWords.of("firm", "partners at", "law firm", "hired",
            "kanzlei", "sozietät", "cabinet", "despacho", "bufete", "studio", "studio legale", "lawyers",
            "solicitors");

    /** The first word of each legal form, so that the pattern runs only on texts that have one. */
    private static final Set<String> LEGAL_FORM_WORDS = Set.of("GmbH", "AG", "SE", "KGaA", "KG", "OHG", "UG", "e.V.",
            "eG", "S.A.S.", "S.A.", "SAS", "SARL", "S.L.", "S.p.A.", "SpA", "S.r.l.", "Srl", "SRL", "SA", "SL", "Pte",
            "Pvt", "Ltd", "Ltd.", "Limited", "LLC", "LLP", "Inc", "Inc.", "Corp", "Corp.", "plc", "PLC", "B.V.", "BV",
            "N.V.", "NV", "Oy", "AB", "A/S", "ASA", "Sp.");
    private static final int MAX_NAME = 160;
    private static final List<String> JOINERS = List.of("&", " and ", " und ", " et ", " y ", " e ");

    @Override
    public List<Finding> recognize(String text) {
        List<Finding> findings = new ArrayList<>();
        if (hasLegalFormWord(text)) {
            withLegalForm(text, findings);
        }
        if (JOINERS.stream().anyMatch(text::contains)) {
            partners(text, findings);
        }
        return findings;
    }

    /** A word without its trailing punctuation: "Inc." reads "Inc", an abbreviation keeps its last dot ("e.V."). */
    private static boolean hasLegalFormWord(String text) {
        CapitalisedWords words = CapitalisedWords.of(text);
        for (int i = 0; i < words.words().size(); i++) {
            String word = words.word(i);
            if (LEGAL_FORM_WORDS.contains(word) || LEGAL_FORM_WORDS.contains(word + ".")) {
                return true;
            }
        }
        return false;
    }

    private static void withLegalForm(String text, List<Finding> findings) {
        Matcher legal = WITH_LEGAL_FORM.matcher(DetectionWork.reading(text)).useTransparentBounds(true)
                .useAnchoringBounds(false);
        for (int at = nextWordStart(text, 0); at >= 0; at = nextWordStart(text, at + 1)) {
            if (lookingAt(legal, text, at)) {
                int start = skipArticle(text, legal.start(), legal.end());
                findings.add(new Finding(TYPE, start, legal.end(), 0.8, ContextWords.SOURCE,
                        "capitalised name before a legal form"));
                at = legal.end();
            }
        }
    }

    private static void partners(String text, List<Finding> findings) {
        Matcher partners = PARTNERS.matcher(DetectionWork.reading(text)).useTransparentBounds(true)
                .useAnchoringBounds(false);
        for (int at = nextWordStart(text, 0); at >= 0; at = nextWordStart(text, at + 1)) {
            if (!lookingAt(partners, text, at)) {
                continue;
            }
            String names = partners.group("names");
            String last = names.substring(names.lastIndexOf(' ') + 1);
            boolean firm = names.contains("&") || PARTNER_WORDS.contains(last)
                    || FIRM_WORDS.findBefore(text, partners.start()) != null;
            if (firm && !ARTICLES.contains(names.substring(0, names.indexOf(names.contains(",") ? ',' : ' ')))) {
                findings.add(new Finding(TYPE, partners.start(), partners.end(), 0.7, ContextWords.SOURCE,
                        "firm named after its partners"));
                at = partners.end();
            }
        }
    }

    /** The next position from {@code from} where a capitalised word starts, or -1: the patterns start only there. */
    private static int nextWordStart(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (Character.isUpperCase(text.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                DetectionWork.add(i - from + 1);
                return i;
            }
        }
        DetectionWork.add(text.length() - from);
        return -1;
    }

    private static boolean lookingAt(Matcher matcher, String text, int at) {
        matcher.region(at, Math.min(text.length(), at + MAX_NAME));
        return matcher.lookingAt();
    }

    private static int skipArticle(String text, int start, int end) {
        int space = start;
        while (space < end && !Character.isSpaceChar(text.charAt(space))) {
            space++;
        }
        return ARTICLES.contains(text.substring(start, space)) ? space + 1 : start;
    }
}
