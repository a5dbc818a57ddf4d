# Data-residency pack: transfers outside the EEA, tenant residency commitments.
# Rule for rule the same as policies/data-residency/residency.drl.
package tollgate.residency

# Each rule's id, legal basis and message, as the Drools rule's name, @basis and @message; a reason is
# built only when its rule fires.
eea_transfer_rule := {
	"rule": "residency.eea-transfer",
	"basis": "GDPR Art. 44-46",
	"message": "Personal data of a person in the EEA goes only to the EEA, an adequate country or a destination under standard contractual clauses",
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

# A subject whose country is unknown ("ZZ") is treated as the strictest case: as if in the EEA.
subject_protected if input.subject.country in eea

subject_protected if input.subject.country == "ZZ"

# The US is not in the adequacy list: a US destination counts only with SCCs or a Data Privacy
# Framework certification, which the destinations catalog records as scc_signed.
third_country_transfers contains destination.id if {
	input.data.personal_data
	subject_protected
	some destination in input.destinations
	not destination.country in eea
	not destination.country in data.tollgate.reference.adequacy
	not destination.scc_signed
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
