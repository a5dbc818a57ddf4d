package dev.tollgate.pii.ner;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Slot values for sentence templates in one language: Datafaker names, places and companies, which become
 * labelled entities, and capitalised words that are not entities (months, weekdays, products, job titles,
 * departments), which teach the model that capitalisation alone does not make a name.
 */
public final class FakeValues implements SlotValues {
    public static final String PERSON = "PERSON";
    public static final String LOCATION = "LOCATION";
    public static final String ORGANIZATION = "ORGANIZATION";

    private static final Map<String, List<String>> MONTHS = Map.of(
            "en", List.of("January", "February", "March", "April", "May", "June", "July", "August", "September",
                    "October", "November", "December"),
            "de", List.of("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                    "Oktober", "November", "Dezember"),
            "fr", List.of("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                    "octobre", "novembre", "décembre"),
            "es", List.of("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                    "octubre", "noviembre", "diciembre"),
            "it", List.of("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
                    "settembre", "ottobre", "novembre", "dicembre"));
    private static final Map<String, List<String>> DAYS = Map.of(
            "en", List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
            "de", List.of("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
            "fr", List.of("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"),
            "es", List.of("Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sábado", "Domingo"),
            "it", List.of("Lunedì", "Martedì", "Mercoledì", "Giovedì", "Venerdì", "Sabato", "Domenica"));
    /** Capitalised nouns and brand-like words that look like names to a naive model. */
    private static final Map<String, List<String>> CAPITALISED = Map.of(
            "en", List.of("Invoice", "Support", "Premium", "Account", "Manager", "Team", "Update", "Order", "Monitor",
                    "Cloud", "Office", "Report", "Security", "Platform", "Gold", "Express", "Budget", "Roadmap"),
            "de", List.of("Rechnung", "Vertrag", "Kunde", "Termin", "Abteilung", "Bestellung", "Zahlung", "Konto",
                    "Versicherung", "Antrag", "Lieferung", "Schaden", "Mitarbeiter", "Wohnung", "Bericht", "Frage"),
            "fr", List.of("Facture", "Contrat", "Service", "Commande", "Compte", "Direction", "Rapport", "Livraison",
                    "Assurance", "Dossier", "Réunion", "Projet", "Client", "Équipe"),
            "es", List.of("Factura", "Contrato", "Servicio", "Pedido", "Cuenta", "Dirección", "Informe", "Envío",
                    "Seguro", "Expediente", "Reunión", "Proyecto", "Equipo", "Soporte"),
            "it", List.of("Fattura", "Contratto", "Servizio", "Ordine", "Conto", "Direzione", "Rapporto", "Consegna",
                    "Assicurazione", "Pratica", "Riunione", "Progetto", "Squadra", "Assistenza"));

    /** Imperatives and question words that open sentences: capitalised, never a name ("Write about the sea."). */
    private static final Map<String, List<String>> OPENERS = Map.of(
            "en", List.of("Write", "Read", "Send", "Check", "Tell", "Please", "What", "Why", "You", "How", "When",
                    "Where", "Could", "Let", "Thanks", "Sorry", "Great", "Remember", "Summarise", "Explain"),
            "de", List.of("Schreib", "Lies", "Schick", "Prüfe", "Sag", "Bitte", "Was", "Warum", "Du", "Wie", "Wann",
                    "Wo", "Könnten", "Lass", "Danke", "Entschuldigung", "Super", "Denk", "Fasse", "Erkläre"),
            "fr", List.of("Écris", "Lis", "Envoie", "Vérifie", "Dis", "Merci", "Quoi", "Pourquoi", "Tu", "Comment",
                    "Quand", "Où", "Pourriez", "Laisse", "Désolé", "Super", "Rappelle", "Résume", "Explique", "Vous"),
            "es", List.of("Escribe", "Lee", "Envía", "Revisa", "Dime", "Gracias", "Qué", "Por", "Tú", "Cómo",
                    "Cuándo", "Dónde", "Podrías", "Deja", "Perdón", "Genial", "Recuerda", "Resume", "Explica", "Usted"),
            "it", List.of("Scrivi", "Leggi", "Manda", "Controlla", "Dimmi", "Grazie", "Cosa", "Perché", "Tu", "Come",
                    "Quando", "Dove", "Potresti", "Lascia", "Scusa", "Ottimo", "Ricorda", "Riassumi", "Spiega", "Lei"));
    /** Common nouns, which a model that has seen only names after "about" or "for" would mislabel. */
    private static final Map<String, List<String>> NOUNS = Map.of(
            "en", List.of("sea", "soup", "sandwiches", "noon", "weather", "garden", "meeting", "river", "coffee",
                    "homework", "winter", "dog", "bread", "bill"),
            "de", List.of("Meer", "Suppe", "Brötchen", "Mittag", "Wetter", "Garten", "Sitzung", "Fluss", "Kaffee",
                    "Hausaufgabe", "Winter", "Hund", "Brot", "Rechnung"),
            "fr", List.of("mer", "soupe", "sandwichs", "midi", "météo", "jardin", "réunion", "rivière", "café",
                    "devoirs", "hiver", "chien", "pain", "facture"),
            "es", List.of("mar", "sopa", "bocadillos", "mediodía", "tiempo", "jardín", "reunión", "río", "café",
                    "deberes", "invierno", "perro", "pan", "factura"),
            "it", List.of("mare", "zuppa", "panini", "mezzogiorno", "tempo", "giardino", "riunione", "fiume", "caffè",
                    "compiti", "inverno", "cane", "pane", "bolletta"));

    /**
     * Company names built from a sector word, and the other shapes organisations take: universities, hospitals,
     * clubs, banks, "X, Y and Z" firms, acronyms and coined names without a legal form. Datafaker's are mostly
     * surnames with a legal form, and a model trained only on those misses "Northwind Logistics", "Stadtwerke
     * Kellerbach" or "Verdafero". {L} is a last name, {C} a city, {A} an acronym, {N} a coined name.
     */
    private static final Map<String, List<String>> ORGANIZATION_FORMS = Map.of(
            "en", List.of("{L} Logistics", "{L} Consulting", "{L} & Partners", "{C} Solutions", "{L} Systems",
                    "{L} Labs", "Bank of {C}", "{C} Insurance", "{L} Holdings", "{C} Energy", "{L} Media",
                    "{L} Pharma", "{C} Motors", "{L} Analytics", "University of {C}", "{C} General Hospital",
                    "{C} Football Club", "{L}, {L} and {L}", "{L}, {L} & {L}", "{A}", "{A} Group", "{N}",
                    "{N} Technologies", "{N}", "St {L}'s Hospital", "{C} City Council"),
            "de", List.of("Stadtwerke {C}", "Autohaus {L}", "{L} Logistik GmbH", "{L} Versicherung AG",
                    "Bäckerei {L}", "Sparkasse {C}", "{L} Bau GmbH", "Kanzlei {L}", "Universität {C}",
                    "Klinikum {C}", "FC {C}", "{L}, {L} und {L}", "{A}", "{A} AG", "{N}", "{N}", "Volksbank {C}",
                    "Stadtverwaltung {C}"),
            "fr", List.of("{L} Conseil", "Groupe {L}", "Banque {L}", "Transports {L}", "Pharmacie {L}",
                    "Cabinet {L}", "Mutuelle de {C}", "Université de {C}", "Hôpital {L}", "Olympique de {C}",
                    "{L}, {L} et {L}", "{A}", "Groupe {A}", "{N}", "{N}", "Crédit {N}", "Mairie de {C}"),
            "es", List.of("Grupo {L}", "Transportes {L}", "Aguas de {C} S.A.", "Talleres {L}", "Farmacia {L}",
                    "Inmobiliaria {L}", "Banco de {C}", "Universidad de {C}", "Hospital {L}",
                    "Club Deportivo {C}", "{L}, {L} y {L}", "{A}", "Grupo {A}", "{N}", "{N}", "Caja {C}",
                    "Ayuntamiento de {C}", "Fundación {L}", "Conservas {L}", "Clínica {L}", "Seguros {L}",
                    "Editorial {L}", "Bodegas {L}", "Aceros de {C}"),
            "it", List.of("Officine {L}", "Gruppo {L}", "{L} Trasporti S.r.l.", "Banca di {C}", "Farmacia {L}",
                    "Assicurazioni {L}", "Autofficina {L}", "Università di {C}", "Ospedale {L}", "AC {C}",
                    "{L}, {L} e {L}", "{A}", "Gruppo {A}", "{N}", "{N}", "Banca {N}", "Comune di {C}",
                    "Ceramiche {L}", "Politecnico di {C}", "Istituto {L}", "Cooperativa {L}", "Fondazione {L}",
                    "Studio {L}", "Edizioni {L}", "Cantina {L}", "Calzaturificio {L}"));
    /**
     * Where Spanish and Italian texts mostly are: two training places in nine are GeoNames cities of these
     * countries ("Calatayud", "Sassuolo"), and some given names come from the name list's column for the country.
     */
    private static final Map<String, List<String>> HOME_COUNTRIES = Map.of(
            "es", List.of("ES", "MX", "AR", "CO", "CL", "PE", "VE", "EC", "UY", "BO", "GT", "CU"),
            "it", List.of("IT", "SM"));
    private static final Map<String, String> HOME_NAME_LISTS = Map.of("es", "spain", "it", "italy");
    /** Surname particles ("Della Valle", "Lo Presti", "de la Fuente"); Italian "D'" before a vowel. */
    private static final Map<String, List<String>> SURNAME_PARTICLES = Map.of(
            "es", List.of("de ", "de la ", "del ", "De la "),
            "it", List.of("De ", "Di ", "Lo ", "La ", "Della ", "Dalla "));
    /** Syllables of coined brand names ("Verolin", "Kadanex"): organisations nobody has listed. */
    private static final List<String> SYLLABLES = List.of("ver", "da", "fe", "ro", "ka", "lin", "tor", "mo", "vi",
            "sta", "nex", "qua", "bri", "zen", "lu", "mar", "tel", "so", "ra", "ne", "ix", "al", "or", "tec");

    /**
     * Capitalised things that are not names, for lists, menus, notices and headlines: Datafaker's dishes,
     * ingredients, furniture, rooms, materials and hobbies in Title Case, or two of the language's capitalised
     * nouns ("Rechnung Zahlung").
     */
    private String titleCaseThing() {
        String thing = switch (random.nextInt(8)) {
            case 0 -> faker.food().dish();
            case 1 -> faker.food().ingredient();
            case 2 -> faker.house().furniture();
            case 3 -> faker.house().room();
            case 4 -> faker.commerce().material() + " " + pick(CAPITALISED.get(language));
            case 5 -> faker.hobby().activity();
            case 6 -> pick(NOUNS.get(language));
            default -> pick(CAPITALISED.get(language)) + " " + pick(CAPITALISED.get(language));
        };
        return TitleCase.of(thing);
    }

    private String organization() {
        int kind = trainingVariety ? random.nextInt(8) : 7;
        return switch (kind) {
            case 0, 1 -> pick(knowledge.companies());
            case 2, 3, 4 -> pick(ORGANIZATION_FORMS.get(language)).replace("{L}", faker.name().lastName())
                    .replace("{C}", faker.address().city()).replace("{A}", acronym()).replace("{N}", coinedName());
            default -> faker.company().name();
        };
    }

    private String acronym() {
        StringBuilder letters = new StringBuilder();
        for (int i = 2 + random.nextInt(3); i > 0; i--) {
            letters.append((char) ('A' + random.nextInt(26)));
        }
        return letters.toString();
    }

    private String coinedName() {
        StringBuilder name = new StringBuilder();
        for (int i = 2 + random.nextInt(2); i > 0; i--) {
            name.append(pick(SYLLABLES));
        }
        return TitleCase.of(name.toString());
    }

    private final boolean trainingVariety;
    private final RegistryKnowledge knowledge;
    private final List<RegistryKnowledge.City> homeCities;
    private final List<String> homeGivenNames;
    private final List<Faker> foreignNames;
    private final String language;
    private final Faker faker;
    private final Random random;

    /** Plain Datafaker values, as the evaluation sets use them. */
    public FakeValues(String language, long seed) {
        this(language, seed, null);
    }

    /**
     * @param knowledge for the training corpus, which wants variety: {CITY} is then sometimes a capital, a region,
     *                  an ICU city or a GeoNames city (Datafaker's cities are invented for some locales, "Port
     *                  Teodora"), a first name sometimes a given name from another country, and {ORG} sometimes
     *                  a listed company or another shape of organisation name; null for plain Datafaker values
     */
    FakeValues(String language, long seed, RegistryKnowledge knowledge) {
        this.trainingVariety = knowledge != null;
        this.knowledge = knowledge;
        List<String> home = HOME_COUNTRIES.getOrDefault(language, List.of());
        this.homeCities = knowledge == null ? List.of()
                : knowledge.cities().stream().filter(city -> home.contains(city.country())).toList();
        this.homeGivenNames = knowledge == null || !HOME_NAME_LISTS.containsKey(language) ? List.of()
                : knowledge.givenNamesOf(HOME_NAME_LISTS.get(language));
        this.language = language;
        this.random = new Random(seed);
        this.faker = new Faker(Locale.forLanguageTag(language), new Random(seed ^ 0x5DEECE66DL));
        this.foreignNames = GazetteerBuilder.NAME_LOCALES.stream()
                .map(locale -> new Faker(Locale.forLanguageTag(locale), new Random(seed ^ locale.hashCode())))
                .toList();
    }

    @Override
    public String language() {
        return language;
    }

    public Random random() {
        return random;
    }

    @Override
    public String typeOf(String slot) {
        return switch (slot) {
            case "PER", "FIRST", "LAST", "FULL", "REV" -> PERSON;
            case "CITY", "CITYCAPS", "COUNTRY", "STREET" -> LOCATION;
            case "ORG" -> ORGANIZATION;
            default -> null;
        };
    }

    @Override
    public String value(String slot) {
        return switch (slot) {
            case "PER" -> person();
            case "FULL" -> firstName() + " " + firstName() + " " + lastName();
            case "REV" -> lastName() + ", " + firstName();
            case "FIRST" -> firstName();
            case "LAST" -> lastName();
            case "CITY" -> city();
            case "CITYCAPS" -> city().toUpperCase(Locale.ROOT);
            case "COUNTRY" -> country();
            case "OPENER" -> pick(OPENERS.get(language));
            case "NOUN" -> pick(NOUNS.get(language));
            case "STREET" -> faker.address().streetAddress();
            case "ORG" -> organization();
            case "THING" -> titleCaseThing();
            case "ZIP" -> faker.address().zipCode();
            case "PRODUCT" -> faker.commerce().productName();
            case "DEPT" -> faker.commerce().department();
            case "JOB" -> faker.job().title();
            case "MONTH" -> pick(MONTHS.get(language));
            case "DAY" -> pick(DAYS.get(language));
            case "CAP" -> pick(CAPITALISED.get(language));
            case "NUM" -> Integer.toString(1 + random.nextInt(999));
            case "YEAR" -> Integer.toString(1950 + random.nextInt(75));
            case "TIME" -> (8 + random.nextInt(10)) + ":" + (random.nextBoolean() ? "00" : "30");
            default -> throw new IllegalArgumentException("unknown template slot {" + slot + "}");
        };
    }

    /** In training, names sometimes come from the locales of {@link GazetteerBuilder#NAME_LOCALES} or carry an initial. */
    private String person() {
        if (trainingVariety && random.nextInt(4) == 0) {
            return firstName() + " " + (char) ('A' + random.nextInt(26)) + ". " + lastName();
        }
        if (language.equals("es") && trainingVariety && random.nextInt(3) == 0) {
            return firstName() + " " + lastName() + " " + lastName();
        }
        return firstName() + " " + lastName();
    }

    private String firstName() {
        if (trainingVariety && random.nextInt(5) == 0) {
            return pick(knowledge.givenNames());
        }
        if (!homeGivenNames.isEmpty() && random.nextInt(4) == 0) {
            return pick(homeGivenNames);
        }
        return names().name().firstName();
    }

    /** In Spanish and Italian training, one surname in eight carries a particle ("Della Valle", "D'Angelo"). */
    private String lastName() {
        String name = names().name().lastName();
        if (!trainingVariety || !SURNAME_PARTICLES.containsKey(language) || random.nextInt(8) != 0) {
            return name;
        }
        if (language.equals("it") && random.nextInt(3) == 0) {
            String vowelName = faker.name().firstName();
            return "AEIOU".indexOf(vowelName.charAt(0)) >= 0 ? "D'" + vowelName : "De " + name;
        }
        return pick(SURNAME_PARTICLES.get(language)) + name;
    }

    private Faker names() {
        return trainingVariety && random.nextInt(3) == 0 ? foreignNames.get(random.nextInt(foreignNames.size()))
                : faker;
    }

    private String city() {
        int kind = trainingVariety ? random.nextInt(9) : 8;
        return switch (kind) {
            case 0 -> faker.nation().capitalCity();
            case 1 -> faker.address().state();
            case 2, 3 -> pick(PlaceNames.cities(placeLanguage()));
            case 4, 5 -> geoNamesCity();
            case 6, 7 -> homeCities.isEmpty() ? faker.address().city() : pick(homeCities).name();
            default -> faker.address().city();
        };
    }

    /** A GeoNames city by its main name, or one time in four by another of its names ("Atene", "Αθηναι"). */
    private String geoNamesCity() {
        RegistryKnowledge.City city = pick(knowledge.cities());
        return city.alternates().isEmpty() || random.nextInt(4) != 0 ? city.name() : pick(city.alternates());
    }

    private String country() {
        return trainingVariety && random.nextBoolean() ? pick(PlaceNames.countries(placeLanguage()))
                : faker.address().country();
    }

    /** Mostly the text's language; one time in eight another, so Greek and Cyrillic forms appear. */
    private String placeLanguage() {
        return random.nextInt(8) == 0 ? pick(PlaceNames.DISPLAY_LANGUAGES) : language;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
