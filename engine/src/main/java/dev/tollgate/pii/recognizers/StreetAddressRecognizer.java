package dev.tollgate.pii.recognizers;

import dev.tollgate.pii.DetectionWork;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * STREET_ADDRESS: a whole postal address as one span, on one line or several: a street with its house number in
 * the usual orders of the five languages and their neighbours (number first: "221B Baker Street", "12 rue de la
 * Paix"; street first: "Calle Mayor 5", "Via Roma 10", "ul. Długa 14"; German compounds: "Hauptstraße 12",
 * "Mariahilfer Straße 77", "Am Mühlbach 3"; or any capitalised name and number followed by a postcode), then,
 * when present, a unit ("Apt 4B"), the postcode and the city in either order, in capitals or not, and a US state
 * ("Washington, DC 20500"). A city on the next line counts only with a postcode or state, so that the name under
 * an address is not taken for its town.
 */
public final class StreetAddressRecognizer extends PatternRecognizer {
    private static final String SP = "[ \\u00A0]";
    private static final String CAP = "\\p{Lu}[\\p{L}\\p{M}'’.-]*+";
    private static final String NUMBER = "\\d{1,5}+[A-Za-z]?(?:[-/]\\d{1,4}+[A-Za-z]?)?(?![\\p{L}\\p{N}])";

    private static final String NUMBER_FIRST_EN = NUMBER + SP + "(?:" + CAP + SP + "){1,4}?"
            + "(?:Street|St\\.?|Road|Rd\\.?|Avenue|Ave\\.?|Lane|Ln\\.?|Drive|Close|Way|Terrace|Row|Crescent|Square"
            + "|Place|Boulevard|Blvd\\.?|Court|Parkway|Highway|Grove|Gardens|Mews|Walk|Hill)"
            + "(?:" + SP + "(?:NW|NE|SW|SE))?(?![\\p{L}])|" + NUMBER + SP + "Broadway";
    private static final String FR_PARTICLE = "(?:de|du|des|la|le|les|aux|au|sur|en)";
    private static final String FR_NAME = "(?:[dl]['’]\\p{Lu}[\\p{L}\\p{M}-]*+|" + CAP + ")";
    private static final String NUMBER_FIRST_FR = NUMBER + "(?:" + SP + "(?:bis|ter))?,?" + SP
            + "(?:rue|avenue|boulevard|bd|place|quai|cours|allée|chemin|impasse|route|passage|square)"
            + "(?:(?:" + SP + FR_PARTICLE + "){0,3}" + SP + FR_NAME + "){1,4}";
    private static final String PARTICLE = "(?:de|del|la|las|los|dei|degli|della|delle|dello|di|do|da|dos|das|du"
            + "|des|y|e)";
    private static final String STREET_NAME = "(?:" + CAP + "|(?:dell|dall|d|l)['’]\\p{Lu}[\\p{L}\\p{M}-]*+)";
    private static final String STREET_FIRST = "(?:Calle|C/|Avenida|Avda\\.|Av\\.|Paseo|Plaza|Gran|Rúa|Rua|Camino"
            + "|Carretera|Ronda|Travesía|Muelle|Via|Viale|Piazza|Piazzale|Corso|Largo|Vicolo|Riva|Lungomare|ul\\."
            + "|Aleje|Aleja|Rue|Avenue|Boulevard|Place|Quai|Akti|Odos)"
            + "(?:(?:" + SP + PARTICLE + "){0,3}" + SP + STREET_NAME + "){1,5}" + SP + NUMBER;
    private static final String DE_STREET_WORD = "(?:straße|strasse|weg|allee|platz|gasse|ring|damm|ufer"
            + "|markt|chaussee|steig|pfad|graben|kai|katu|tie|gatan|vägen|gade|vej|straat|laan|plein)";
    private static final String GERMAN = "(?:\\p{Lu}[\\p{L}\\p{M}-]*+(?:(?<=str)\\.|(?<=" + DE_STREET_WORD + "))"
            + "|(?:" + CAP + SP + ")?\\p{Lu}[\\p{L}\\p{M}]*er" + SP
            + "(?:Straße|Strasse|Str\\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer|Markt)"
            + "|(?:Am|An der|Auf der|Auf dem|Im|In der|Zum|Zur)" + SP + CAP + ")" + SP + NUMBER;

    private static final String POSTCODE = "(?:[A-Z]{1,2}-)?(?:\\d{5}|\\d{4}(?:-\\d{3})?|\\d{2}-\\d{3}|\\d{3} \\d{2}"
            + "|[A-Z]\\d{4})(?![\\p{L}\\p{N}])";
    private static final String UK_POSTCODE = "[A-Z]{1,2}\\d[A-Z\\d]?" + SP + "\\d[A-Z]{2}(?![\\p{L}\\p{N}])";
    private static final String STATE_ZIP = "[A-Z]{2}" + SP + "\\d{5}(?:-\\d{4})?(?![\\p{L}\\p{N}])";
    private static final String CITY_WORD = "\\p{Lu}[\\p{L}\\p{M}'’-]*+(?![\\p{N}])";
    private static final String CITY = CITY_WORD + "(?:" + SP + "(?:(?:am|an|der|sur|upon|on|de|del|di|im)" + SP
            + ")?(?:" + CITY_WORD + "|\\(\\p{Lu}[\\p{L}\\p{M}]*+\\))){0,2}+";
    private static final String NAME_BEFORE_POSTCODE = CAP + "(?:" + SP + CAP + "){0,2}" + SP + NUMBER + "(?=," + SP
            + POSTCODE + ")";
    private static final String UNIT = "(?:," + SP + "(?:Apt\\.?|Suite|Unit|Flat|Piso|Interno|Stiege|Top)" + SP
            + "\\w{1,5})?";
    /** Postcode and city in either order, or a state and ZIP code after the city. */
    private static final String PLACE = "(?:" + POSTCODE + SP + CITY + "|" + CITY + "(?:,?" + SP + "(?:" + UK_POSTCODE
            + "|" + STATE_ZIP + "|\\d{4}(?![\\p{L}\\p{N}])))" + ")";
    private static final String TAIL = UNIT + "(?:(?:,?" + SP + "?\\R|," + SP + "|" + SP + ")" + PLACE + "|,"
            + SP + CITY + "(?:," + SP + PLACE + ")?)?";

    private static final Pattern PATTERN = Pattern.compile("(?<![\\p{L}\\p{N}])(?<core>" + NUMBER_FIRST_EN + "|"
            + NUMBER_FIRST_FR + "|" + STREET_FIRST + "|" + GERMAN + "|" + NAME_BEFORE_POSTCODE + ")(?<tail>"
            + TAIL + ")");
    private static final ContextWords CONTEXT = ContextWords.of(
            "address", "ship to", "deliver to", "billing", "lives at", "registered office",
            "adresse", "anschrift", "lieferadresse", "rechnungsadresse", "wohnt in der",
            "adresse de livraison", "adresse de facturation", "domicile",
            "dirección", "domicilio", "dirección de entrega", "indirizzo", "residente in", "sede");
    /** How far before and after a house number an address may reach. */
    private static final int BEFORE_NUMBER = 80;
    private static final int AFTER_NUMBER = 120;

    public StreetAddressRecognizer() {
        super("STREET_ADDRESS", PATTERN, StreetAddressRecognizer::aroundShortNumbers, CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        boolean placed = match.end("tail") > match.start("tail");
        return new Candidate(match.start(), match.end(), placed ? 0.85 : 0.6, placed
                ? "street and house number with postcode or city" : "street and house number");
    }

    /** Stretches around runs of one to five digits beside a word (house numbers, postcodes), merged where they meet. */
    private static void aroundShortNumbers(String text, Windows.Window window) {
        int n = text.length();
        DetectionWork.add(n);
        int from = -1;
        int to = -1;
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            if (i - start > 5 || !nextToAWord(text, start, i)) {
                continue;
            }
            int windowFrom = Math.max(0, start - BEFORE_NUMBER);
            if (from >= 0 && windowFrom > to) {
                window.accept(from, to);
                from = -1;
            }
            if (from < 0) {
                from = windowFrom;
            }
            to = Math.min(n, i + AFTER_NUMBER);
        }
        if (from >= 0) {
            window.accept(from, to);
        }
    }

    /** A house number or postcode has a word beside it: "Mayor 5", "221B Baker", "10115 Berlin". */
    private static boolean nextToAWord(String text, int start, int end) {
        boolean wordBefore = start >= 2 && Character.isWhitespace(text.charAt(start - 1))
                && (Character.isLetter(text.charAt(start - 2)) || text.charAt(start - 2) == '.');
        boolean wordAfter = end < text.length() && (Character.isLetter(text.charAt(end))
                || end + 1 < text.length() && Character.isWhitespace(text.charAt(end))
                && Character.isLetter(text.charAt(end + 1)));
        return wordBefore || wordAfter;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
