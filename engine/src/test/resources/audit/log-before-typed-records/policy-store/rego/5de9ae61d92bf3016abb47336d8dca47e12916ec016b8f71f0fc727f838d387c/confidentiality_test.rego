package tollgate.confidentiality_test

import data.tollgate.confidentiality
import data.tollgate.testing

test_plain_request_fires_nothing if {
	v := confidentiality.verdict with input as testing.plain
	v == {"deny": false, "forbidden": [], "obligations": [], "route": null, "reasons": []}
}

test_acquisition_plan_stays_on_device if {
	v := confidentiality.verdict with input as testing.facts({}, "DE", {"categories": ["confidential_business"]}, testing.catalog)
	v.forbidden == ["cloud-eu", "cloud-us"]
	v.reasons == [{
		"rule": "confidentiality.business-information",
		"basis": "Directive (EU) 2016/943 Art. 2(1)(c); Regulation (EU) No 596/2014 Art. 10(1)",
		"message": "Confidential business information detected: on-device model, or a cloud the application approves for it",
	}]
}

test_cloud_approved_for_confidential_information_is_not_refused if {
	approved := object.union(testing.cloud_eu, {"confidential_approved": true})
	facts := testing.facts({}, "DE", {"categories": ["confidential_business"]}, [testing.slm_local, approved, testing.cloud_us])
	v := confidentiality.verdict with input as facts
	v.forbidden == ["cloud-us"]
}

test_confidential_information_refuses_a_destination_of_unexpected_kind if {
	odd := object.union(testing.slm_local, {"id": "edge-box", "kind": "edge"})
	v := confidentiality.verdict with input as testing.facts({}, "DE", {"categories": ["confidential_business"]}, [testing.slm_local, odd])
	v.forbidden == ["edge-box"]
}

test_missing_approval_is_no_approval if {
	old := object.remove(testing.cloud_eu, ["confidential_approved", "regulated_approved"])
	facts := testing.facts({}, "DE", {"categories": ["confidential_business", "finance"]}, [testing.slm_local, old])
	v := confidentiality.verdict with input as facts
	v.forbidden == ["cloud-eu"]
	testing.rule_ids(v) == {"confidentiality.business-information", "confidentiality.regulated-industry"}
}

test_finance_about_a_person_prefers_the_device if {
	v := confidentiality.verdict with input as testing.facts({}, "DE", {"personal_data": true, "categories": ["finance"]}, testing.catalog)
	v.forbidden == ["cloud-eu", "cloud-us"]
	testing.rule_ids(v) == {"confidentiality.regulated-industry"}
}

test_an_iban_alone_is_finance_data if {
	v := confidentiality.verdict with input as testing.with_entities(["IBAN_CODE"])
	v.forbidden == ["cloud-eu", "cloud-us"]
}

test_cloud_approved_for_regulated_data_is_not_refused if {
	approved := object.union(testing.cloud_eu, {"regulated_approved": true})
	facts := testing.facts({}, "DE", {"personal_data": true, "categories": ["health"], "entity_types": ["PERSON"]}, [testing.slm_local, approved, testing.cloud_us])
	v := confidentiality.verdict with input as facts
	v.forbidden == ["cloud-us"]
}

test_topics_are_not_regulated_data if {
	v := confidentiality.verdict with input as testing.facts({}, "DE", {"topics": ["finance", "health"]}, testing.catalog)
	v.forbidden == []
}

test_every_rule_has_basis_and_message if {
	every id, rule in confidentiality.rules {
		startswith(id, "confidentiality.")
		rule.basis != ""
		rule.message != ""
	}
}
