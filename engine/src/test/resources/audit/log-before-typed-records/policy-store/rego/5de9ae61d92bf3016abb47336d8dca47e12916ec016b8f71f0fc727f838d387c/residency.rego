# Data-residency pack: transfers outside the EEA, tenant residency commitments.
# Rule for rule the same as policies/data-residency/residency.drl.
package tollgate.residency

# Each rule's id, legal basis and message, as the Drools rule's name, @basis and @message; a reason is
# built only when its rule fires.
eea_transfer_rule := {
	"rule": "residency.eea-transfer",
	"basis": "GDPR Art. 3(1), 44-46",
	"message": "Personal data under GDPR Chapter V (an EEA controller or a data subject in the EEA) goes only to the EEA, an adequate country, a destination under standard contractual clauses or a DPF-certified US organisation",
}

tenant_pinned_country_rule := {
	"rule": "residency.tenant-pinned-country",
	"basis": "Tenant residency commitment (contract), GDPR Art. 28(3)(a)",
	"message": "The tenant's data is processed only in the country its contract names",
}

tenant_pinned_eea_rule := {
	"rule": "residency.tenant-pinned-eea",
	"basis": "Tenant residency commitment (contract), GDPR Art. 28(3)(a)",
	"message": "The tenant's data is processed only in the EEA, as its contract requires",
}

# Every rule of the pack by id, read by Tollgate when it loads the pack and by the tests.
rules := {r.rule: {"basis": r.basis, "message": r.message} |
	some r in [eea_transfer_rule, tenant_pinned_country_rule, tenant_pinned_eea_rule]
}

eea := data.tollgate.reference.eea

# GDPR Chapter V binds a controller established in the EEA whatever the data subject's country
# (Art. 3(1), 44), and a controller elsewhere when the data subject is in the EEA (Art. 3(2)). An unknown
# country ("ZZ": a subject's, or a controller's in facts logged before the registry recorded it) is the
# strictest case. The declared subject country can only add this duty, never lift it.
chapter_v_applies if protected_country(input.request.controller_establishment)

chapter_v_applies if protected_country(input.subject.country)

protected_country(country) if country in eea

protected_country("ZZ")

# Outside the EEA and without an adequacy decision (Art. 45), a transfer needs standard contractual
# clauses (Art. 46(2)(c)), or, for a destination in the US, an organisation certified under the EU-US Data
# Privacy Framework (the Commission's adequacy decision covers certified US organisations only).
safeguarded(destination) if destination.scc_signed

safeguarded(destination) if {
	destination.dpf_certified
	destination.country == "US"
}

third_country_transfers contains destination.id if {
	input.data.personal_data
	chapter_v_applies
	some destination in input.destinations
	not destination.country in eea
	not destination.country in data.tollgate.reference.adequacy
	not safeguarded(destination)
}

# The cheap tests first: the regular expression runs only for a two-letter pin.
pinned_country := input.request.tenant_residency if {
	input.request.tenant_residency != "EU"
	count(input.request.tenant_residency) == 2
	regex.match(`^[A-Z]{2}$`, input.request.tenant_residency)
}

outside_pinned_country contains destination.id if {
	some destination in input.destinations
	destination.country != pinned_country
}

outside_eea contains destination.id if {
	input.request.tenant_residency == "EU"
	some destination in input.destinations
	not destination.country in eea
}

fired contains eea_transfer_rule if count(third_country_transfers) > 0

fired contains tenant_pinned_country_rule if count(outside_pinned_country) > 0

fired contains tenant_pinned_eea_rule if count(outside_eea) > 0

verdict := {
	"deny": false,
	"forbidden": sort(((third_country_transfers | outside_pinned_country) | outside_eea)),
	"obligations": [],
	"route": null,
	"reasons": [reason | some reason in fired],
}
