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

    @Override
    public List<Finding> recognize(String text) {
        List<Finding> findings = new ArrayList<>();
        Matcher legal = WITH_LEGAL_FORM.matcher(DetectionWork.reading(text));
        while (legal.find()) {
            int start = skipArticle(text, legal.start(), legal.end());
            findings.add(new Finding(TYPE, start, legal.end(), 0.8, ContextWords.SOURCE,
                    "capitalised name before a legal form"));
        }
        Matcher partners = PARTNERS.matcher(DetectionWork.reading(text));
        while (partners.find()) {
            String names = partners.group("names");
            String last = names.substring(names.lastIndexOf(' ') + 1);
            boolean firm = names.contains("&") || PARTNER_WORDS.contains(last)
                    || FIRM_WORDS.findBefore(text, partners.start()) != null;
            if (firm && !ARTICLES.contains(names.substring(0, names.indexOf(names.contains(",") ? ',' : ' ')))) {
                findings.add(new Finding(TYPE, partners.start(), partners.end(), 0.7, ContextWords.SOURCE,
                        "firm named after its partners"));
            }
        }
        return findings;
    }

    private static int skipArticle(String text, int start, int end) {
        int space = start;
        while (space < end && !Character.isSpaceChar(text.charAt(space))) {
            space++;
        }
        return ARTICLES.contains(text.substring(start, space)) ? space + 1 : start;
    }
}
