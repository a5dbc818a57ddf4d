package tollgate.gdpr_test

import data.tollgate.gdpr
import data.tollgate.testing

test_plain_request_fires_nothing if {
	v := gdpr.verdict with input as testing.plain
	v == {"deny": false, "forbidden": [], "obligations": [], "route": null, "reasons": []}
}

test_special_category_keeps_data_on_device if {
	facts := testing.facts({}, "DE", {"personal_data": true, "categories": ["health"], "special_category": true}, testing.catalog)
	v := gdpr.verdict with input as facts
	v.forbidden == ["cloud-eu", "cloud-us"]
	testing.rule_ids(v) == {"gdpr.art9.local-only"}
	v.reasons[0] == {"rule": "gdpr.art9.local-only", "basis": "GDPR Art. 9(1)", "message": "Special category data (GDPR Art. 9) detected: on-device model only"}
}

test_special_category_refuses_a_destination_of_unexpected_kind if {
	odd := object.union(testing.slm_local, {"id": "edge-box", "kind": "edge"})
	facts := testing.facts({}, "DE", {"special_category": true}, [testing.slm_local, odd])
	v := gdpr.verdict with input as facts
	v.forbidden == ["edge-box"]
}

test_processor_without_dpa_gets_no_personal_data if {
	no_dpa := object.union(testing.cloud_eu, {"dpa_signed": false})
	facts := testing.facts({}, "DE", {"personal_data": true, "entity_types": ["PERSON"]}, [testing.slm_local, no_dpa])
	v := gdpr.verdict with input as facts
	v.forbidden == ["cloud-eu"]
	"gdpr.art28.processor-safeguards" in testing.rule_ids(v)
}

test_processor_training_on_data_gets_no_personal_data if {
	trains := object.union(testing.cloud_us, {"trains_on_data": true})
	facts := testing.facts({}, "DE", {"personal_data": true, "entity_types": ["PERSON"]}, [testing.cloud_eu, trains])
	v := gdpr.verdict with input as facts
	v.forbidden == ["cloud-us"]
}

test_processor_safeguards_ignore_requests_without_personal_data if {
	no_dpa := object.union(testing.cloud_eu, {"dpa_signed": false, "trains_on_data": true})
	v := gdpr.verdict with input as testing.facts({}, "DE", {}, [no_dpa])
	v.forbidden == []
	not "gdpr.art28.processor-safeguards" in testing.rule_ids(v)
}

test_personal_data_is_masked_for_the_cloud if {
	v := gdpr.verdict with input as testing.with_entities(["EMAIL_ADDRESS", "PERSON"])
	v.obligations == [{"type": "mask", "entities": ["EMAIL_ADDRESS", "PERSON"], "applies_to": "cloud"}]
	testing.rule_ids(v) == {"gdpr.art28.mask-for-cloud"}
}

test_special_category_without_entities_needs_no_masking if {
	facts := testing.facts({}, "DE", {"personal_data": true, "categories": ["health"], "special_category": true}, testing.catalog)
	v := gdpr.verdict with input as facts
	v.obligations == []
}

test_direct_identifiers_are_masked_on_every_route if {
	v := gdpr.verdict with input as testing.with_entities(["IBAN_CODE", "PERSON", "US_SSN"])
	v.obligations == [
		{"type": "mask", "entities": ["IBAN_CODE", "US_SSN"], "applies_to": null},
		{"type": "mask", "entities": ["IBAN_CODE", "PERSON", "US_SSN"], "applies_to": "cloud"},
	]
	testing.rule_ids(v) == {"gdpr.art28.mask-for-cloud", "gdpr.art5.minimisation"}
}

test_minimisation_needs_no_personal_data_flag if {
	v := gdpr.verdict with input as testing.facts({}, "DE", {"entity_types": ["IP_ADDRESS"]}, testing.catalog)
	v.obligations == [{"type": "mask", "entities": ["IP_ADDRESS"], "applies_to": null}]
}

test_every_rule_has_basis_and_message if {
	every id, rule in gdpr.rules {
		startswith(id, "gdpr.")
		rule.basis != ""
		rule.message != ""
	}
}
