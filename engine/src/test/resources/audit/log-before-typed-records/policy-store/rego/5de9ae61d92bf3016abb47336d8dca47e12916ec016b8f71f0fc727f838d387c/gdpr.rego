# GDPR pack: special categories, processors, masking, data minimisation.
# Rule for rule the same as policies/gdpr/gdpr.drl.
package tollgate.gdpr

# Each rule's id, legal basis and message, as the Drools rule's name, @basis and @message. A reason is
# built only when its rule fires: building every rule's texts on each decision would cost more than
# the rules themselves in Wasm.
local_only_rule := {
	"rule": "gdpr.art9.local-only",
	"basis": "GDPR Art. 9(1)",
	"message": "Special category data (GDPR Art. 9) detected: on-device model only",
}

processor_safeguards_rule := {
	"rule": "gdpr.art28.processor-safeguards",
	"basis": "GDPR Art. 28(1), Art. 5(1)(b)",
	"message": "Personal data may go only to a cloud processor with a signed DPA that does not train on customer data",
}

mask_for_cloud_rule := {
	"rule": "gdpr.art28.mask-for-cloud",
	"basis": "GDPR Art. 25(1), Art. 32(1)(a)",
	"message": "Personal data is masked before it is sent to a cloud model",
}

minimisation_rule := {
	"rule": "gdpr.art5.minimisation",
	"basis": "GDPR Art. 5(1)(c)",
	"message": "Direct identifiers the task does not need are masked on every route",
}

# Every rule of the pack by id, read by Tollgate when it loads the pack and by the tests.
rules := {r.rule: {"basis": r.basis, "message": r.message} |
	some r in [local_only_rule, processor_safeguards_rule, mask_for_cloud_rule, minimisation_rule]
}

# Special categories never leave the device: anything that is not an on-device model is refused, so a
# destination of an unexpected kind is refused too.
local_only contains destination.id if {
	input.data.special_category
	some destination in input.destinations
	destination.kind != "slm"
}

# A cloud processor without a DPA, or one that trains on customer data, gets no personal data.
unsafe_processors contains destination.id if {
	input.data.personal_data
	some destination in input.destinations
	destination.kind == "cloud"
	not safe_processor(destination)
}

safe_processor(destination) if {
	destination.dpa_signed
	not destination.trains_on_data
}

mask_for_cloud := input.data.entity_types if {
	input.data.personal_data
	count(input.data.entity_types) > 0
}

unneeded_identifiers := [type |
	some type in input.data.entity_types
	type in data.tollgate.reference.direct_identifiers
]

fired contains local_only_rule if count(local_only) > 0

fired contains processor_safeguards_rule if count(unsafe_processors) > 0

fired contains mask_for_cloud_rule if mask_for_cloud

fired contains minimisation_rule if count(unneeded_identifiers) > 0

# Obligations in the order the Drools collector gives them: by type, then unbound before bound.
obligations := array.concat(
	[{"type": "mask", "entities": sort(unneeded_identifiers), "applies_to": null} | count(unneeded_identifiers) > 0],
	[{"type": "mask", "entities": sort(mask_for_cloud), "applies_to": "cloud"} | mask_for_cloud],
)

verdict := {
	"deny": false,
	"forbidden": sort(local_only | unsafe_processors),
	"obligations": obligations,
	"route": null,
	"reasons": [reason | some reason in fired],
}
