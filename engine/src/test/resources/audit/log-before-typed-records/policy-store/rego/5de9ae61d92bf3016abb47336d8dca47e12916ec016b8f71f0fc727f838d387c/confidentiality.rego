# Confidentiality pack: confidential business information and regulated-industry data.
# Rule for rule the same as policies/confidentiality/confidentiality.drl.
package tollgate.confidentiality

business_information_rule := {
	"rule": "confidentiality.business-information",
	"basis": "Directive (EU) 2016/943 Art. 2(1)(c); Regulation (EU) No 596/2014 Art. 10(1)",
	"message": "Confidential business information detected: on-device model, or a cloud the application approves for it",
}

regulated_industry_rule := {
	"rule": "confidentiality.regulated-industry",
	"basis": "Regulation (EU) 2022/2554 Art. 28(1); EBA/GL/2019/02; GDPR Art. 9(3)",
	"message": "Regulated-industry data (finance or health about a person): on-device model, or a cloud the application approves for it, masked",
}

# Every rule of the pack by id, read by Tollgate when it loads the pack and by the tests.
rules := {r.rule: {"basis": r.basis, "message": r.message} |
	some r in [business_information_rule, regulated_industry_rule]
}

# Confidential business information stays on the device unless the registry approves a cloud for it. A missing
# confidential_approved (facts logged before it existed) is not an approval.
unapproved_for_confidential contains destination.id if {
	"confidential_business" in input.data.categories
	some destination in input.destinations
	destination.kind != "slm"
	not destination.confidential_approved
}

# Finance or health data about a person: a regulated category, or a bank or card number.
regulated if {
	some category in input.data.categories
	category in data.tollgate.reference.regulated_categories
}

regulated if {
	some type in input.data.entity_types
	type in data.tollgate.reference.financial_identifiers
}

unapproved_for_regulated contains destination.id if {
	regulated
	some destination in input.destinations
	destination.kind != "slm"
	not destination.regulated_approved
}

fired contains business_information_rule if count(unapproved_for_confidential) > 0

fired contains regulated_industry_rule if count(unapproved_for_regulated) > 0

verdict := {
	"deny": false,
	"forbidden": sort(unapproved_for_confidential | unapproved_for_regulated),
	"obligations": [],
	"route": null,
	"reasons": [reason | some reason in fired],
}
