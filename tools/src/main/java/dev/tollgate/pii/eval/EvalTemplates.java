package dev.tollgate.pii.eval;

import java.util.List;
import java.util.Map;

/**
 * Templates for the labelled evaluation sets, a family written apart from the NER training templates: product
 * reviews, support tickets, CRM notes, bookings, HR records, invoices, news items and key=value records, with
 * checksum-validated identifiers and texts without any entity.
 */
final class EvalTemplates {
    static final Map<String, List<String>> BY_LANGUAGE = Map.of(
            "en", List.of(
                    "Review by {PER}: the {PRODUCT} is great value, shipped fast to {CITY}.",
                    "Ticket #{NUM} opened by {FIRST} {LAST} ({EMAIL}): cannot log in since {DAY}.",
                    "CRM note - spoke with {PER} of {ORG}; follow up on {DAY} via {PHONE}.",
                    "Booking confirmed for {PER}, flight {CITY} -> {CITY}, {MONTH} {NUM}.",
                    "Employee record: {REV}; SSN {SSN}; office {CITY}.",
                    "Invoice {NUM} from {ORG} to be paid to IBAN {IBAN} by {DAY}.",
                    "Card ending in use: {CARD} (holder {PER}).",
                    "{ORG} announced on {DAY} that it will hire 200 people in {COUNTRY}.",
                    "user={FIRST}.{LAST} city={CITY} org=\"{ORG}\" status=active",
                    "Quarterly {CAP} review moved to {DAY}, {MONTH} {NUM}, room {NUM}.",
                    "The {PRODUCT} and the {PRODUCT} are back in stock.",
                    "Spoke to {FIRST} yesterday, she says {ORG} is hiring in {CITY}.",
                    "Onboarding form: BSN {BSN}, payroll card {CARD}, mobile {PHONE}."),
            "de", List.of(
                    "Bewertung von {PER}: Das {PRODUCT} kam schnell nach {CITY}, sehr zufrieden.",
                    "Störungsmeldung {NUM} von {FIRST} {LAST} ({EMAIL}): Login geht seit {DAY} nicht.",
                    "Gesprächsnotiz: {PER} von der {ORG} bittet um Rückruf unter {PHONE}.",
                    "Buchung für {PER}: Zug von {CITY} nach {CITY} am {NUM}. {MONTH}.",
                    "Personalakte {REV}, Steuer-ID {STEUERID}, Standort {CITY}.",
                    "Bitte überweisen Sie den Betrag bis {DAY} auf das Konto {IBAN} der {ORG}.",
                    "Die {ORG} eröffnet im {MONTH} ein Werk in {COUNTRY}.",
                    "kunde={LAST} ort={CITY} firma=\"{ORG}\"",
                    "Die {CAP} zur {CAP} wird am {DAY} im {DEPT} besprochen.",
                    "Das {PRODUCT} ist wieder lieferbar, die {CAP} folgt per Post.",
                    "Gestern hat {FIRST} angerufen, die {ORG} sucht Leute in {CITY}."),
            "fr", List.of(
                    "Avis de {PER} : le {PRODUCT} est arrivé vite à {CITY}, très content.",
                    "Ticket {NUM} ouvert par {FIRST} {LAST} ({EMAIL}) : connexion impossible depuis {DAY}.",
                    "Note d'appel : {PER} de {ORG} demande à être rappelé au {PHONE}.",
                    "Réservation pour {PER} : train {CITY} - {CITY} le {NUM} {MONTH}.",
                    "Dossier salarié {LAST} {FIRST}, numéro de sécurité sociale {NIR}, site de {CITY}.",
                    "Merci de régler la facture avant {DAY} sur le compte {IBAN} de {ORG}.",
                    "{ORG} va ouvrir une usine en {COUNTRY} en {MONTH}.",
                    "client={LAST} ville={CITY} societe=\"{ORG}\"",
                    "La {CAP} du {CAP} est reportée à {DAY} prochain.",
                    "Le {PRODUCT} est de nouveau disponible.",
                    "Hier {FIRST} m'a dit que {ORG} recrute à {CITY}."),
            "es", List.of(
                    "Opinión de {PER}: el {PRODUCT} llegó rápido a {CITY}, muy contento.",
                    "Incidencia {NUM} abierta por {FIRST} {LAST} ({EMAIL}): no puede entrar desde el {DAY}.",
                    "Nota de llamada: {PER} de {ORG} pide que le llamen al {PHONE}.",
                    "Reserva para {PER}: tren {CITY} - {CITY} el {NUM} de {MONTH}.",
                    "Ficha de empleado {REV}, DNI {DNI}, oficina de {CITY}.",
                    "Transfiera el importe antes del {DAY} a la cuenta {IBAN} de {ORG}.",
                    "{ORG} abrirá una fábrica en {COUNTRY} en {MONTH}.",
                    "cliente={LAST} ciudad={CITY} empresa=\"{ORG}\"",
                    "La {CAP} del {CAP} se aplaza al {DAY}.",
                    "El {PRODUCT} vuelve a estar disponible.",
                    "Ayer {FIRST} me dijo que {ORG} contrata en {CITY}."),
            "it", List.of(
                    "Recensione di {PER}: il {PRODUCT} è arrivato presto a {CITY}, molto soddisfatto.",
                    "Segnalazione {NUM} aperta da {FIRST} {LAST} ({EMAIL}): accesso impossibile da {DAY}.",
                    "Nota telefonica: {PER} di {ORG} chiede di essere richiamato al {PHONE}.",
                    "Prenotazione per {PER}: treno {CITY} - {CITY} il {NUM} {MONTH}.",
                    "Scheda dipendente {LAST} {FIRST}, codice fiscale {CF}, sede di {CITY}.",
                    "Si prega di pagare entro {DAY} sul conto {IBAN} intestato a {ORG}.",
                    "{ORG} aprirà uno stabilimento in {COUNTRY} a {MONTH}.",
                    "cliente={LAST} citta={CITY} azienda=\"{ORG}\"",
                    "La {CAP} sul {CAP} è rinviata a {DAY}.",
                    "Il {PRODUCT} è di nuovo disponibile.",
                    "Ieri {FIRST} mi ha detto che {ORG} assume a {CITY}."));

    private EvalTemplates() {
    }
}
