package dev.tollgate.classify;

import org.junit.jupiter.params.provider.Arguments;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Hand-written sentences in English, German, French, Spanish and Italian, each with the exact
 * classes it must get. Hard negatives expect none: they use the near misses the lexicons avoid.
 */
final class LabelledSentences {
    private LabelledSentences() {
    }

    static Stream<Arguments> health() {
        return Stream.of(
                expect("She has been taking insulin since her type 1 diabetes was found.", "health"),
                expect("After the surgery he spent two weeks in intensive care.", "health"),
                expect("My therapist thinks the panic attacks are linked to stress at work.", "health"),
                expect("Der Patient Hans Müller wurde mit Diabetes Typ 2 diagnostiziert.", "health", "phi"),
                expect("Sie ist seit März krankgeschrieben, weil sie an einer Depression leidet.", "health"),
                expect("Nach dem Herzinfarkt musste er drei Wochen in die Reha-Klinik.", "health"),
                expect("Meine Schwester ist im vierten Monat schwanger.", "health"),
                expect("Bei der Untersuchung wurde Lungenkrebs festgestellt.", "health"),
                expect("La patiente souffre d'une sclérose en plaques depuis 2015.", "health", "phi"),
                expect("Il prend des antidépresseurs depuis son hospitalisation.", "health"),
                expect("Mon fils est autiste et a besoin d'un accompagnement à l'école.", "health"),
                expect("El paciente tiene fiebre alta y dolor de cabeza desde ayer.", "health", "phi"),
                expect("Mi madre está embarazada de cinco meses.", "health"),
                expect("Le recetaron antibióticos para una infección de orina.", "health"),
                expect("Il paziente è stato ricoverato in ospedale per una polmonite.", "health", "phi"),
                expect("Soffre di emicrania cronica e prende farmaci ogni giorno.", "health"),
                expect("Mia nonna ha l'Alzheimer e vive in una casa di cura.", "health"));
    }

    static Stream<Arguments> healthNegatives() {
        return Stream.of(
                expect("The patient customer waited twenty minutes at the counter."),
                expect("Our company's financial health improved after the merger."),
                expect("The antivirus found a virus in the email attachment."),
                expect("Please disable the firewall rule before the deployment."),
                expect("The hospitality industry recovered strongly this summer."),
                expect("The pharmaceutical industry lobbied for the new law."),
                expect("We need to review the seizure of the company's assets."),
                expect("Der Verkehr wurde durch die Baustelle stark behindert."),
                expect("Er sucht eine neue Wohnung in der Nähe vom Bahnhof."),
                expect("Die Prognose für das Wachstum im nächsten Jahr ist gut."),
                expect("Die Krankenkasse hat den Antrag auf Kostenübernahme erhalten."),
                expect("Le traitement des données personnelles est décrit à l'article 6."),
                expect("Nous avons installé une nouvelle enceinte Bluetooth dans la salle."),
                expect("Fue una situación muy embarazosa para todo el equipo."),
                expect("L'influenza del marketing sulle vendite è cresciuta."),
                expect("L'autista ci ha portato in aeroporto alle sei."));
    }

    static Stream<Arguments> genetic() {
        return Stream.of(
                expect("The genetic test showed she carries a BRCA1 mutation.", "genetic"),
                expect("His DNA sample was sent to the lab for whole genome sequencing.", "genetic"),
                expect("Die genetische Untersuchung ergab eine seltene Erbkrankheit.", "genetic", "health"),
                expect("Der Vaterschaftstest wurde vom Gericht angeordnet.", "genetic"),
                expect("Le test de paternité a confirmé le lien biologique.", "genetic"),
                expect("Une analyse de son ADN a révélé une prédisposition génétique.", "genetic"),
                expect("La prueba genética detectó una alteración en el cromosoma 21.", "genetic"),
                expect("Se secuenció su genoma completo en el hospital universitario.", "genetic", "health"),
                expect("Il test genetico ha individuato una malattia ereditaria.", "genetic", "health"),
                expect("Le analisi del DNA sono state consegnate alla famiglia.", "genetic"));
    }

    static Stream<Arguments> geneticNegatives() {
        return Stream.of(
                expect("Sie hat das Angebot gestern angenommen und unterschrieben."),
                expect("The DNS server did not resolve the hostname."),
                expect("Sans gêne, il a pris la dernière part du gâteau."),
                expect("The general manager approved the new generator."));
    }

    static Stream<Arguments> biometric() {
        return Stream.of(
                expect("Employees open the door with a fingerprint scanner at the entrance.", "biometric"),
                expect("The app uses facial recognition to verify new customers.", "biometric"),
                expect("Beim Grenzübertritt wurden seine Fingerabdrücke gespeichert.", "biometric"),
                expect("Die Zeiterfassung erfolgt per Gesichtserkennung.", "biometric"),
                expect("Le téléphone se déverrouille par empreinte digitale.", "biometric"),
                expect("La banque a enregistré une empreinte vocale du client.", "biometric"),
                expect("El acceso al edificio requiere reconocimiento facial.", "biometric"),
                expect("Guardamos la huella dactilar de cada empleado.", "biometric"),
                expect("Il sistema confronta le impronte digitali con l'archivio.", "biometric"),
                expect("I dati biometrici vengono cancellati dopo trenta giorni.", "biometric"));
    }

    static Stream<Arguments> biometricNegatives() {
        return Stream.of(
                expect("Verify the SSH host key fingerprint before connecting."),
                expect("Browser fingerprinting is blocked by the privacy extension."),
                expect("Bitte ein aktuelles Foto für den Mitarbeiterausweis hochladen."));
    }

    static Stream<Arguments> racialEthnicOrigin() {
        return Stream.of(
                expect("The survey asks respondents about their ethnicity and religion.",
                        "racial_ethnic_origin", "religious_beliefs"),
                expect("He was refused the flat because of his ethnic background.", "racial_ethnic_origin"),
                expect("Die Bewerberin wurde wegen ihrer ethnischen Herkunft benachteiligt.", "racial_ethnic_origin"),
                expect("Der Anteil der Kinder mit Migrationshintergrund liegt bei 40 Prozent.", "racial_ethnic_origin"),
                expect("Les statistiques ethniques sont interdites en France.", "racial_ethnic_origin"),
                expect("Il a subi une discrimination liée à la couleur de peau.", "racial_ethnic_origin"),
                expect("El formulario no debe preguntar por el origen étnico.", "racial_ethnic_origin"),
                expect("Denunció un trato racial discriminatorio en la entrevista.", "racial_ethnic_origin"),
                expect("L'origine etnica del candidato non è rilevante.", "racial_ethnic_origin"),
                expect("La legge vieta la discriminazione razziale sul lavoro.", "racial_ethnic_origin"));
    }

    static Stream<Arguments> racialEthnicOriginNegatives() {
        return Stream.of(
                expect("The race car finished third after a pit stop."),
                expect("We fixed a race condition in the payment service."),
                expect("Die Herkunft der Ware ist auf der Verpackung angegeben."),
                expect("Unser Hund ist ein Mischling und keine reine Rasse."),
                expect("Abbiamo visitato Roma e Firenze durante le vacanze."));
    }

    static Stream<Arguments> politicalOpinions() {
        return Stream.of(
                expect("She is a party member and canvasses for the Greens every weekend.", "political_opinions"),
                expect("Her political views should not affect the promotion decision.", "political_opinions"),
                expect("Seine politische Einstellung geht den Arbeitgeber nichts an.", "political_opinions"),
                expect("Er ist seit 2010 Parteimitglied und sitzt im Stadtrat.", "political_opinions"),
                expect("Ses opinions politiques ont été mentionnées dans l'entretien.", "political_opinions"),
                expect("Il est membre du parti depuis vingt ans.", "political_opinions"),
                expect("No se puede despedir a nadie por su afiliación política.", "political_opinions"),
                expect("Militante del partido desde su juventud, ahora es concejal.", "political_opinions"),
                expect("Le sue opinioni politiche sono note a tutto l'ufficio.", "political_opinions"),
                expect("È iscritto al partito da quando aveva diciotto anni.", "political_opinions"));
    }

    static Stream<Arguments> politicalOpinionsNegatives() {
        return Stream.of(
                expect("Both parties signed the contract on Monday."),
                expect("Die Vertragspartei hat die Frist versäumt."),
                expect("The board voted for the new budget."),
                expect("Le parti pris de l'auteur est évident."),
                expect("Align the logo to the far right of the header."));
    }

    static Stream<Arguments> religiousBeliefs() {
        return Stream.of(
                expect("He asked for Fridays off because he is a practising Muslim.", "religious_beliefs"),
                expect("The candidate mentioned she goes to the synagogue every week.", "religious_beliefs"),
                expect("Auf der Lohnabrechnung steht Kirchensteuer, sie ist also katholisch.", "religious_beliefs"),
                expect("Er ist vor zwei Jahren zum Islam konvertiert.", "religious_beliefs"),
                expect("Elle porte le hijab et ne mange que halal.", "religious_beliefs"),
                expect("Il est athée depuis son adolescence.", "religious_beliefs"),
                expect("Es judío practicante y no trabaja los sábados.", "religious_beliefs"),
                expect("La empleada es testigo de Jehová.", "religious_beliefs"),
                expect("Durante il Ramadan lavora con orario ridotto.", "religious_beliefs"),
                expect("È cattolico e va a messa ogni domenica.", "religious_beliefs"));
    }

    static Stream<Arguments> religiousBeliefsNegatives() {
        return Stream.of(
                expect("The framework is platform-agnostic and runs anywhere."),
                expect("Ich glaube, wir haben den Termin verpasst."),
                expect("Sie hat mich gebeten, den Bericht zu prüfen."),
                expect("Christian Baker will present the quarterly results."),
                expect("Prière de ne pas stationner devant le portail."));
    }

    static Stream<Arguments> tradeUnionMembership() {
        return Stream.of(
                expect("She joined the trade union after the layoffs were announced.", "trade_union_membership"),
                expect("Union dues are deducted from his monthly salary.", "trade_union_membership"),
                expect("Er ist Mitglied der Gewerkschaft ver.di.", "trade_union_membership"),
                expect("Die IG Metall vertritt die Beschäftigten im Werk.", "trade_union_membership"),
                expect("Elle est déléguée syndicale dans l'usine de Lyon.", "trade_union_membership"),
                expect("Il s'est syndiqué l'année dernière.", "trade_union_membership"),
                expect("Está afiliado al sindicato desde 2018.", "trade_union_membership"),
                expect("El representante sindical pidió una reunión.", "trade_union_membership"),
                expect("È iscritto al sindacato dei metalmeccanici.", "trade_union_membership"),
                expect("La rappresentante sindacale ha chiesto un incontro.", "trade_union_membership"));
    }

    static Stream<Arguments> tradeUnionMembershipNegatives() {
        return Stream.of(
                expect("The European Union member states agreed on new rules."),
                expect("Join the two tables with a UNION ALL query."),
                expect("Der Betriebsrat hat der Versetzung zugestimmt."),
                expect("Il sindaco ha inaugurato la nuova piazza."));
    }

    static Stream<Arguments> sexLifeOrientation() {
        return Stream.of(
                expect("He told HR that he is gay and wants his husband added to the insurance.",
                        "sex_life_orientation"),
                expect("The questionnaire asks about sexual orientation.", "sex_life_orientation"),
                expect("Sie lebt in einer gleichgeschlechtlichen Partnerschaft.", "sex_life_orientation"),
                expect("Er hat sich am Arbeitsplatz als schwul geoutet.", "sex_life_orientation"),
                expect("Son orientation sexuelle ne regarde pas son employeur.", "sex_life_orientation"),
                expect("Elle a parlé de sa vie sexuelle avec le médecin.", "sex_life_orientation"),
                expect("Es bisexual y lo ha contado a sus compañeros.", "sex_life_orientation"),
                expect("La encuesta pregunta por la orientación sexual.", "sex_life_orientation"),
                expect("È lesbica e vive con la compagna a Bologna.", "sex_life_orientation"),
                expect("Il documento menziona i suoi rapporti sessuali.", "sex_life_orientation"));
    }

    static Stream<Arguments> sexLifeOrientationNegatives() {
        return Stream.of(
                expect("Select the sex field on the registration form."),
                expect("The new model is coming out next spring."),
                expect("The bacteria reproduce by asexual division."));
    }

    static Stream<Arguments> paymentCard() {
        return Stream.of(
                expect("Please enter your credit card number and the CVV on the back.", "payment_card"),
                expect("The card expiry is 09/27 and the cardholder is M. Rossi.", "payment_card"),
                expect("Bitte geben Sie Ihre Kreditkartennummer und die Kartenprüfnummer ein.", "payment_card"),
                expect("Die Zahlung erfolgte mit der Mastercard meiner Frau.", "payment_card"),
                expect("Saisissez le numéro de carte et le cryptogramme visuel.", "payment_card"),
                expect("Le paiement par carte bancaire a été refusé.", "payment_card"),
                expect("Introduzca el número de tarjeta y la fecha de caducidad.", "payment_card"),
                expect("Pagó con su tarjeta de crédito en la tienda.", "payment_card"),
                expect("Inserisci il numero della carta e il codice di sicurezza.", "payment_card"),
                expect("Ho pagato con la carta di credito aziendale.", "payment_card"));
    }

    static Stream<Arguments> paymentCardNegatives() {
        return Stream.of(
                expect("Check the expiry date on the milk before buying."),
                expect("You need a visa to travel to that country."),
                expect("El maestro explicó la lección a los alumnos."),
                expect("Heat the pan and add the onions."));
    }

    static Stream<Arguments> phi() {
        return Stream.of(
                expect("Medical record number 55812: the patient was admitted with pneumonia.", "health", "phi"),
                expect("Date of birth 12 March 1961; findings: chronic kidney disease.", "health", "phi"),
                expect("Versichertennummer A123456789, Befund: Verdacht auf Brustkrebs.", "health", "phi"),
                expect("Numéro de sécurité sociale 1 85 05 78 006 084, hospitalisé pour une pneumonie.",
                        "health", "phi"),
                expect("Historia clínica 4471: la paciente es diabética.", "health", "phi"),
                expect("Tessera sanitaria n. 8038, il paziente assume insulina.", "health", "phi"),
                expect("Patient 7731: BRCA2 carrier, genetic counselling booked.", "genetic", "phi"));
    }

    static Stream<Arguments> phiNegatives() {
        return Stream.of(
                expect("Please update the date of birth on the passport application."),
                expect("Il codice fiscale è necessario per aprire un conto."),
                expect("Die Patientin hat am Empfang ihre neue Adresse angegeben."));
    }

    private static Arguments expect(String sentence, String... classes) {
        return Arguments.of(sentence, Arrays.asList(classes));
    }

    static List<String> allSentences() {
        return Stream.of(health(), genetic(), biometric(), racialEthnicOrigin(), politicalOpinions(),
                        religiousBeliefs(), tradeUnionMembership(), sexLifeOrientation(), paymentCard(), phi())
                .flatMap(s -> s).map(a -> (String) a.get()[0]).toList();
    }
}
