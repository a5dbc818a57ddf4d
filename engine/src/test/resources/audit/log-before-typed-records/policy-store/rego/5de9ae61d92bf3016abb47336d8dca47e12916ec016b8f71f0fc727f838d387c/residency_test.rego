package tollgate.residency_test

import data.tollgate.residency
import data.tollgate.testing

personal := {"personal_data": true, "entity_types": ["PERSON"]}

test_eea_subject_data_does_not_go_to_a_third_country if {
	v := residency.verdict with input as testing.facts({}, "DE", personal, testing.catalog)
	v.forbidden == ["cloud-us"]
	v.reasons == [{
		"rule": "residency.eea-transfer", "basis": "GDPR Art. 3(1), 44-46",
		"message": "Personal data under GDPR Chapter V (an EEA controller or a data subject in the EEA) goes only to the EEA, an adequate country, a destination under standard contractual clauses or a DPF-certified US organisation",
	}]
}

cloud_cn := object.union(testing.cloud_us, {"id": "cloud-cn", "country": "CN"})

us_controller := {"controller_establishment": "US"}

test_eea_controller_is_bound_whatever_the_subject_country if {
	v := residency.verdict with input as testing.facts({}, "US", personal, [testing.cloud_eu, cloud_cn])
	v.forbidden == ["cloud-cn"]
}

test_non_eea_controller_is_bound_for_a_subject_in_the_eea if {
	v := residency.verdict with input as testing.facts(us_controller, "FR", personal, [testing.cloud_eu, cloud_cn])
	v.forbidden == ["cloud-cn"]
}

test_unknown_subject_country_is_treated_as_eea if {
	v := residency.verdict with input as testing.facts(us_controller, "ZZ", personal, testing.catalog)
	v.forbidden == ["cloud-us"]
}

test_unknown_controller_establishment_is_treated_as_eea if {
	v := residency.verdict with input as testing.facts({"controller_establishment": "ZZ"}, "US", personal, testing.catalog)
	v.forbidden == ["cloud-us"]
}

test_non_eea_controller_and_subject_may_go_anywhere if {
	v := residency.verdict with input as testing.facts(us_controller, "US", personal, [testing.cloud_us, cloud_cn])
	v.forbidden == []
	v.reasons == []
}

test_adequate_country_and_scc_are_allowed if {
	swiss := object.union(testing.cloud_us, {"id": "cloud-ch", "country": "CH"})
	scc := object.union(cloud_cn, {"scc_signed": true})
	v := residency.verdict with input as testing.facts({}, "FR", personal, [swiss, scc])
	v.forbidden == []
}

test_dpf_certification_counts_for_a_us_destination_only if {
	us_dpf := object.union(testing.cloud_us, {"dpf_certified": true})
	cn_dpf := object.union(cloud_cn, {"dpf_certified": true})
	v := residency.verdict with input as testing.facts({}, "US", personal, [us_dpf, cn_dpf])
	v.forbidden == ["cloud-cn"]
}

test_transfer_rule_needs_personal_data if {
	v := residency.verdict with input as testing.plain
	v.forbidden == []
}

test_tenant_pinned_to_a_country if {
	v := residency.verdict with input as testing.facts({"tenant_residency": "DE"}, "US", {}, testing.catalog)
	v.forbidden == ["cloud-eu", "cloud-us"]
	testing.rule_ids(v) == {"residency.tenant-pinned-country"}
}

test_tenant_pinned_to_the_eea if {
	v := residency.verdict with input as testing.facts({"tenant_residency": "EU"}, "US", {}, testing.catalog)
	v.forbidden == ["cloud-us"]
	testing.rule_ids(v) == {"residency.tenant-pinned-eea"}
}

test_unpinned_tenant_forbids_nothing if {
	v := residency.verdict with input as testing.facts({"tenant_residency": "NONE"}, "US", {}, testing.catalog)
	v.forbidden == []
}

test_every_rule_has_basis_and_message if {
	every id, rule in residency.rules {
		startswith(id, "residency.")
		rule.basis != ""
		rule.message != ""
	}
}
